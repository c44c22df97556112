// ProgressStore module
