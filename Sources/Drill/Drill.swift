// Drill module
