package analyze

// events finds the article's dated events. The event analyser lands with issue 5.
func events(*analysis) []Event { return []Event{} }
