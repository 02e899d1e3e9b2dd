// Package timex finds the temporal expressions of a text and normalises them to TIMEX3, the
// annotation of TimeML: each expression gets its byte span, a type (DATE, TIME, DURATION, SET), a
// value ("2025-02-12", "2025-W07", "P3Y", "PRESENT_REF") and a modifier where the text gives one
// ("early May": START).
//
// The tagger is rule-based and its rules are data: rules/LANG/lexicon.txt says what words and
// phrases mean (month and weekday names, numbers, units, seasons, parts of the day, holidays,
// modifiers, tense markers), and rules/LANG/patterns.txt says which sequences of them make an
// expression of which type. The engine is language-neutral: it tokenises the text, looks every
// token up in the lexicon once, and walks a trie of the patterns from each token to find the
// longest match, collecting what the matched words mean into a frame. The resolver then turns the
// frame into a value against the reference time (the publication date) for deictic expressions
// ("last week"), against the last time the text established for narrative ones ("two days
// later"), and with the tense of the nearest verb for a weekday or a month named alone ("on
// Monday, she said" is the Monday before; "will meet on Friday" the Friday after). Without a
// reference time, only what the text fixes is resolved and the rest is left open, never invented.
package timex
