// CodingContent module
