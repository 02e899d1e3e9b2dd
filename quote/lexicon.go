package quote

import "strings"

// cue describes a verb of saying by what may follow it.
type cue struct {
	lemma string
	// clause: the verb reports speech as a clause without quote marks (indirect speech).
	clause bool
	// thatOnly: it does so only with an explicit "that" (believe, agree), since without one it
	// takes an object that is no speech (believes in, agreed to).
	thatOnly bool
	// object: a listener may come between the verb and the clause (told the BBC that …).
	object bool
	// inverts: it can come before its speaker after a quote (“…,” said Ana Roe).
	inverts bool
}

// cueOf returns the cue a word form stands for, trying its inflections (said, notes, denied,
// arguing, admitted); ok is false for words that are not verbs of saying.
func cueOf(w string) (c cue, ok bool) {
	if w == "" || len(w) > 16 {
		return cue{}, false
	}
	if w[0] >= 'A' && w[0] <= 'Z' {
		w = strings.ToLower(w)
	}
	if c, ok := cueLemma(irregular(w)); ok {
		return c, true
	}
	for _, l := range stems(w) {
		if c, ok := cueLemma(l); ok {
			return c, true
		}
	}
	return cue{}, false
}

func irregular(w string) string {
	switch w {
	case "said", "says":
		return "say"
	case "told", "tells":
		return "tell"
	case "wrote", "written", "writes":
		return "write"
	case "thought", "thinks":
		return "think"
	case "felt":
		return "feel"
	}
	return w
}

// stems returns the lemmas an inflected form may come from, by English spelling rules.
func stems(w string) []string {
	var out [4]string
	n := 0
	add := func(s string) {
		if n < len(out) && len(s) > 1 {
			out[n] = s
			n++
		}
	}
	switch {
	case strings.HasSuffix(w, "ied"):
		add(w[:len(w)-3] + "y") // denied
	case strings.HasSuffix(w, "ies"):
		add(w[:len(w)-3] + "y") // denies
	case strings.HasSuffix(w, "ing"):
		b := w[:len(w)-3]
		add(b)       // saying
		add(b + "e") // noting
		if len(b) > 2 && b[len(b)-1] == b[len(b)-2] {
			add(b[:len(b)-1]) // admitting
		}
	case strings.HasSuffix(w, "ed"):
		b := w[:len(w)-2]
		add(b)       // claimed
		add(b + "e") // noted (note+d)
		if len(b) > 2 && b[len(b)-1] == b[len(b)-2] {
			add(b[:len(b)-1]) // admitted
		}
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2]) // stresses
		add(w[:len(w)-1]) // notes
	case strings.HasSuffix(w, "s"):
		add(w[:len(w)-1])
	}
	return out[:n]
}

// cueLemma lists the verbs of saying and writing that attribute quotes in news prose.
func cueLemma(l string) (cue, bool) {
	switch l {
	case "say", "add", "note", "state", "claim", "argue", "insist", "explain", "write", "tweet",
		"post", "announce", "declare", "assert", "contend", "maintain", "acknowledge", "admit",
		"concede", "confirm", "reply", "respond", "answer", "predict", "recall", "remark", "observe",
		"emphasize", "emphasise", "stress", "reiterate", "repeat", "testify", "allege", "counter",
		"retort", "quip", "joke", "conclude", "mention", "reveal", "disclose", "complain", "boast",
		"suggest", "indicate", "caution", "lament", "underscore", "underline", "deny", "recount",
		"exclaim", "shout", "muse", "concur", "proclaim", "affirm", "reaffirm", "specify", "clarify",
		"elaborate", "scoff", "snap", "vow", "pledge", "promise", "threaten", "estimate", "speculate",
		"surmise", "wonder", "imply", "ask", "demand", "recommend", "propose", "urge", "charge", "report":
		return cue{lemma: l, clause: true, inverts: true}, true
	case "tell", "inform", "assure", "warn", "remind", "advise", "notify", "reassure":
		return cue{lemma: l, clause: true, object: true}, true
	case "believe", "think":
		return cue{lemma: l, clause: true, thatOnly: true}, true
	case "continue", "chime":
		return cue{lemma: l, inverts: true}, true
	case "call", "describe", "label", "brand", "dub", "term", "dismiss", "hail", "praise",
		"criticize", "criticise", "slam", "blast", "decry", "denounce", "condemn", "accuse", "blame",
		"thank", "welcome", "applaud", "mock", "frame", "characterize", "characterise", "refer",
		"question", "dispute", "reject", "deride", "ridicule", "attack", "defend":
		return cue{lemma: l}, true
	}
	return cue{}, false
}

// wordClass sorts the words that shape a speaker's noun phrase.
type wordClass uint8

const (
	otherWord    wordClass = iota
	determiner             // the, a, his, some
	pronoun                // he, she, they
	function               // prepositions, conjunctions, auxiliaries, adverbs: they end a phrase
	personNoun             // a role or description of a person: analyst, spokesperson, officials
	groupNoun              // an institution or collective that speaks: government, campaign
	documentNoun           // a text that speaks: readout, statement, report
	timeWord               // Thursday, yesterday, earlier
)

// classOf sorts a lower-case word (the caller lowers it when needed).
func classOf(w string) wordClass {
	switch w {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
		"these", "those", "some", "many", "several", "few", "two", "three", "four", "both", "another",
		"other", "one", "most", "all", "each", "every", "no", "any", "such":
		return determiner
	case "he", "she", "they", "it", "we", "i", "you", "who", "which", "him", "them", "us", "me":
		return pronoun
	case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will",
		"would", "can", "could", "may", "might", "must", "shall", "should", "does", "did", "do",
		"to", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "after",
		"before", "during", "under", "against", "between", "through", "without", "within", "as",
		"than", "like", "of", "off", "up", "out", "upon", "via", "per", "since", "until", "across",
		"and", "or", "but", "nor", "so", "yet", "while", "whereas", "although", "though", "because",
		"if", "when", "where", "whom", "whose", "what", "how", "why", "whether", "not", "also",
		"still", "already", "now", "then", "just", "only", "even", "very", "really", "never", "ever",
		"again", "further", "once", "long", "often", "repeatedly", "reportedly", "publicly",
		"privately", "flatly", "quickly", "immediately", "simply", "separately", "clearly",
		"previously", "recently", "later", "earlier", "first", "finally", "too", "there", "here",
		"however", "meanwhile", "instead", "indeed", "perhaps", "likely", "apparently", "seemed",
		"seems", "seem", "appeared", "appears", "went", "go", "goes", "going", "made", "make",
		"makes", "said", "says", "told", "according", "let", "lets", "along", "amid", "despite",
		"among", "beyond", "toward", "towards", "behind", "beside", "besides", "unlike",
		"regarding", "concerning", "following", "including", "except", "near", "throughout",
		"alongside", "unless", "yes", "wait", "well", "speaking", "asked", "citing",
		"responding", "referring", "writing", "addressing", "echoing", "noting", "reacting":
		return function
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week",
		"weekend", "month", "year", "last", "next":
		return timeWord
	case "analyst", "analysts", "commentator", "commentators", "spokesman", "spokeswoman",
		"spokesperson", "spokespeople", "spokesmen", "official", "officials", "minister", "ministers",
		"president", "secretary", "senator", "senators", "governor", "mayor", "leader", "leaders",
		"chief", "director", "adviser", "advisers", "advisor", "advisors", "expert", "experts",
		"diplomat", "diplomats", "ambassador", "economist", "economists", "professor", "researcher",
		"researchers", "scientist", "scientists", "lawyer", "lawyers", "attorney", "attorneys",
		"candidate", "candidates", "nominee", "nominees", "friends", "allies", "ally", "chairman", "chairwoman", "chair", "ceo", "founder", "member",
		"members", "representative", "aide", "aides", "staffer", "staffers", "strategist",
		"strategists", "pollster", "lawmaker", "lawmakers", "legislator", "legislators",
		"congressman", "congresswoman", "general", "commander", "officer", "officers", "judge",
		"prosecutor", "prosecutors", "source", "sources", "critic", "critics", "supporter",
		"supporters", "voter", "voters", "resident", "residents", "witness", "witnesses", "fellow",
		"scholar", "scholars", "historian", "historians", "author", "writer", "journalist", "reporter", "columnist", "editor",
		"host", "anchor", "master", "reporters", "journalists", "activist", "activists", "chancellor", "premier", "envoy", "negotiator",
		"negotiators", "manager", "executive", "executives", "owner", "investor", "investors",
		"banker", "doctor", "doctors", "physician", "nurse", "teacher", "student", "students",
		"worker", "workers", "soldier", "soldiers", "veteran", "victim", "survivor", "mother",
		"father", "wife", "husband", "son", "daughter", "sister", "brother", "friend", "neighbor",
		"neighbour", "colleague", "man", "woman", "people", "person", "observer", "observers",
		"insider", "insiders", "operative", "consultant", "politician", "politicians", "deputy",
		"head", "boss", "coach", "rival", "opponent", "opponents", "incumbent", "challenger",
		"speaker", "widow", "counsel", "organizer", "organizers", "protester", "protesters",
		"demonstrators", "pundit", "pundits", "blogger", "chairperson",
		"secretary-general", "vice", "aide-de-camp", "mp", "mps", "campaigner",
		"campaigners", "engineers", "engineer", "farmers", "farmer", "advocate", "advocates", "proponents", "skeptics", "republicans", "democrats",
		"conservatives", "liberals", "progressives", "donor", "donors", "delegate", "delegates":
		return personNoun
	case "government", "ministry", "department", "agency", "office", "administration", "campaign",
		"committee", "commission", "council", "party", "court", "police", "military", "army",
		"company", "firm", "group", "organization", "organisation", "union", "board", "network",
		"newspaper", "paper", "website", "outlet", "station", "channel", "magazine", "team",
		"coalition", "alliance", "bureau", "service", "embassy", "parliament", "congress", "senate",
		"cabinet", "regime", "authorities", "staff", "side", "leadership", "kremlin", "palace", "prosecution",
		"defense", "defence", "family", "presidency", "movement", "institute",
		"center", "centre", "foundation", "bank", "fund", "industry", "media", "press", "governments",
		"camp", "delegation", "mission", "secretariat", "headquarters", "pentagon":
		return groupNoun
	case "readout", "statement", "statements", "report", "reports", "study", "survey", "poll",
		"polls", "letter", "memo", "document", "documents", "filing", "release", "announcement",
		"editorial", "article", "analysis", "transcript", "indictment", "ruling", "complaint",
		"communique", "communiqué", "declaration", "message", "post", "tweet", "notice", "summary",
		"briefing", "assessment", "estimate", "estimates", "forecast", "data", "account", "version",
		"records", "filings", "figures", "numbers", "results", "findings", "papers", "minutes",
		"emails", "files", "documentation", "guidance", "guidelines", "policy", "ad", "ads",
		"advertisement", "commercial", "video", "footage", "recording", "book", "memoir", "column":
		return documentNoun
	}
	return otherWord
}

// isTitle reports whether a capitalised word is a title or office that comes before a name
// (President, Minister, Sen.): in "Defense Minister Boris Pistorius" the name starts after it.
func isTitle(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "President", "Vice", "Prime", "Minister", "Secretary", "Chancellor", "Senator", "Sen",
		"Rep", "Representative", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "Judge",
		"Justice", "Chairman", "Chairwoman", "Chair", "Director", "Chief", "Commissioner",
		"Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "General", "Gen", "Admiral", "Adm",
		"Colonel", "Col", "Lt", "Lieutenant", "Captain", "Capt", "Sergeant", "Sgt", "Major", "Maj",
		"Officer", "Detective", "Det", "Dr", "Professor", "Prof", "King", "Queen", "Prince",
		"Princess", "Pope", "Cardinal", "Bishop", "Archbishop", "Rev", "Reverend", "Father", "Sheikh",
		"Emir", "Sultan", "Leader", "Speaker", "Deputy", "Attorney", "Commander", "Marshal",
		"Premier", "Envoy", "Adviser", "Advisor", "Coach", "CEO", "Founder", "Head", "Editor",
		"Correspondent", "Analyst", "Economist", "Master", "Treasurer", "Lord", "Lady", "Sir", "Dame", "Mr",
		"Mrs", "Ms", "Miss", "Mx", "Mister", "Madam", "Superintendent", "Sheriff", "Chef",
		"Councillor", "Councilman", "Councilwoman", "Alderman", "Delegate", "Assemblyman",
		"Assemblywoman", "Del", "Pastor", "Rabbi", "Imam", "Ayatollah", "Senators", "Leaders", "Ministers":
		return true
	}
	return false
}

// isHonorific reports whether w is a courtesy title that is part of no role (Mr., Ms.).
func isHonorific(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Mr", "Mrs", "Ms", "Miss", "Mx", "Mister", "Madam", "Sir", "Dame":
		return true
	}
	return false
}

// isMediumWord reports whether a lower-case word names a channel through which something is
// said: a post, an interview, a platform.
func isMediumWord(w string) bool {
	switch w {
	case "media", "twitter", "x", "facebook", "instagram", "telegram", "tiktok", "youtube",
		"linkedin", "threads", "bluesky", "truth", "social", "post", "posts", "tweet", "tweets",
		"video", "videos", "interview", "interviews", "statement", "statements", "briefing",
		"conference", "podcast", "broadcast", "television", "tv", "radio", "blog", "newsletter",
		"op-ed", "letter", "speech", "address", "rally", "hearing", "show", "program", "programme",
		"press", "reporters", "journalists", "website", "email", "message", "call", "appearance",
		"remarks", "testimony", "session", "summit", "meeting", "event", "network", "newspaper",
		"magazine", "platform", "account", "channel", "editorial", "column", "article", "book",
		"memoir", "documentary", "livestream", "q&a", "forum", "panel", "debate", "town", "hall":
		return true
	}
	return false
}
