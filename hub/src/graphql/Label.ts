import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A Kubernetes-style label.' })
export class Label {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@InputType()
export class LabelInput {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

export function labelsToList(labels: Record<string, string>): Label[] {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => Object.assign(new Label(), { key, value }));
}

export function labelsFromList(list: readonly LabelInput[]): Record<string, string> {
  return Object.fromEntries(list.map((l) => [l.key, l.value]));
}
