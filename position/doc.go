// Package position finds, in one article, who stands where on what: each actor's stance
// (demands, proposes, supports, opposes, conditions) on each issue (territory, sanctions,
// security guarantees, ...), with the clause or sentence that shows it.
//
// # Approach
//
// Extract reads the article sentence by sentence on the text layer of package text, with the
// entities of package entity (who a name is) and the quotes of package quote (who says what).
// Everything it knows about words is data, embedded and written for this project:
//
//   - data/taxonomy.yaml, the issues: a key, a label and keyword phrases matched on lower-cased
//     words with simple inflection ("troop(s)"). LoadTaxonomy reads a JSON or YAML file that
//     extends the default or replaces it, and Taxonomy.Classify maps a free-text issue name onto a
//     key.
//   - data/lexicon.yaml, the stance cues and the closed classes around them (negations, hedges,
//     negating verbs, subordinators, enumerators, anaphors, ...). Each cue has a kind that says
//     where its holder and its issue are; the file's header describes them.
//   - data/demonyms.txt, countries with their names and adjectives, so that "the Ukrainian
//     president" and "Russian negotiators" can stand for someone.
//
// For each cue the rules find a holder, an object and a polarity:
//
//   - The holder is the subject before a stance verb ("the ministry ruled out X"), the owner of a
//     stance noun ("the minister's insistence on X"), or, for an evaluation ("X is unrealistic")
//     or an obligation ("any deal must include X"), whoever says the clause: the subject of a
//     verb of saying before it, or the speaker of the quote around it. Inside reported speech the
//     embedded subject holds the stance when it is an actor ("Z said the country is willing to
//     support X"). He and she resolve to the first person the sentence names before them, else to
//     the subject of the sentences before; a role ("the Ukrainian president") to the article's
//     person of that nationality and office, else to the country; we and I inside a direct quote
//     to its speaker. Metonyms keep the name as written and the entity's ID ("Kremlin").
//   - The object runs from the cue to a clause break, a subordinate clause (if, before, while,
//     ...), a relative clause or the next cue, and splits into conjuncts ("insists on A, as well
//     as on B"), each its own position. An object that points back ("this", "the idea", "a
//     prospect X has rejected") takes the issue named just before.
//   - Negation in the verb group ("would not participate in", "never", "no longer"), a negating
//     frame ("doubtful that") and a negating verb on the object ("halting the supply of weapons",
//     "demanded that the alliance roll back") turn the stance round; a keyword that contains the
//     negating word names the issue as the actor wants it settled and is not turned ("end of the
//     war", "relief from sanctions": a demand for sanctions relief is filed as demands ·
//     sanctions, with the phrase in Position.Phrase). Hedges (might, could, likely, possible
//     that, if) drop a position: an analyst reads a wrong cell as worse than a missing one.
//   - After a frame ("Putin's demands are clear", "his wish list"), sentences that start with an
//     enumerator ("The second point ...", "Equally important would be ...", "Fifth:") inherit its
//     holder and the stance demands; a paragraph without one ends the frame.
//
// There is no separate "rejects" stance: rejected, ruled out, refused and dismissed are all
// opposes, and the wording's strength stays in Position.Cue and the evidence.
//
// # Limits
//
// The rules read word order, not a parse: a long subject, a holder named after its verb ("X is
// unacceptable, the minister said") or an object interrupted by a long aside can be missed. They
// is not resolved, and passives ("these demands are not supported by X") are not read. An issue
// outside the taxonomy is kept under its key phrase only after a strong cue, so issues the
// taxonomy lacks are under-reported rather than misfiled. The holder of a stance inside a quote is
// whoever the quoted sentence names as its subject: a claim about an actor's position ("Trump
// wants a ceasefire," the analyst said) is filed as that actor's position.
package position
