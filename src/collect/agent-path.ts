import { distFile } from '../util/dist-file.js';

export { distFile };
export const agentPath = (): string => distFile('agent.cjs');
