package analyze

// positions finds each actor's stance on each issue. The position analyser lands with issue 5.
func positions(*analysis) []Position { return []Position{} }
