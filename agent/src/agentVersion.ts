/** This agent's version, as the hub shows it per cluster; kept equal to package.json's by a test. */
export const agentVersion = '0.1.0';
