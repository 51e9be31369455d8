// npm run tools:python — installs the pinned Python test tools (schemathesis) into .data/python-tools.
import { ensurePythonTools } from './python-tools';

ensurePythonTools();
