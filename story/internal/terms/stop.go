package terms

// isStop reports whether w is an English function word: these say nothing about what an
// article is about, and counting them would only dilute its vector. Words with apostrophes are
// listed as the scanner leaves them ("dont"). A switch compiles to a search over constants, so
// the list needs no table built at start-up.
func isStop(w string) bool {
	switch w {
	case "a", "about", "above", "after", "again", "against", "all", "almost", "along", "already",
		"also", "although", "am", "among", "an", "and", "another", "any", "anyone", "anything",
		"are", "arent", "around", "as", "at", "be", "became", "because", "become", "been", "before",
		"being", "below", "between", "both", "but", "by", "can", "cannot", "cant", "could",
		"couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "done", "dont", "down",
		"during", "each", "either", "else", "enough", "even", "ever", "every", "few", "for",
		"from", "further", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he",
		"hed", "her", "here", "hers", "herself", "hes", "him", "himself", "his", "how", "however",
		"i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive",
		"just", "least", "less", "let", "lets", "like", "many", "may", "me", "might", "more",
		"most", "much", "must", "my", "myself", "neither", "never", "no", "nor", "not", "now",
		"of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
		"ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "really", "same",
		"shall", "she", "shed", "shes", "should", "shouldnt", "since", "so", "some", "someone",
		"something", "still", "such", "than", "that", "thats", "the", "their", "theirs", "them",
		"themselves", "then", "there", "theres", "these", "they", "theyd", "theyll", "theyre",
		"theyve", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards",
		"under", "until", "up", "upon", "us", "very", "via", "was", "wasnt", "we", "wed", "well",
		"were", "werent", "weve", "what", "whats", "when", "where", "whether", "which", "while",
		"who", "whom", "whos", "whose", "why", "will", "with", "within", "without", "wont",
		"would", "wouldnt", "yet", "you", "youd", "youll", "your", "youre", "yours", "yourself",
		"youve":
		return true
	}
	return false
}
