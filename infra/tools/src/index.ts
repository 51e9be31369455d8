export { ensurePythonTools, PYTHON_TOOLS, VENV_DIR } from './python-tools';
