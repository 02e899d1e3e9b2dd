// Package event finds the dated events an article reports (meetings, calls, summits, talks,
// statements, attacks, agreements, visits, sanctions, elections, protests and more), merges the
// reports of one event across articles, and orders the merged events on a timeline.
//
// # Events of one article
//
// Extract reads an article's text layers (package text), its entities (package entity) and its
// temporal expressions (package timex, resolved against the publication date when the article
// has one). Its words are data, in the embedded lexicon.txt: the trigger forms that name events
// and their types, the cue words of status and order, the prepositions that open places, and
// so on; the file says what each section means.
//
// A sentence is cut into clauses (at semicolons and dashes, at a comma before a conjunction or
// a participle, at a subordinating conjunction before a subject, after a verb of saying) and
// each trigger gets, from its own clause only:
//
//   - a summary: the clause, or the part of it that belongs to the trigger when it coordinates
//     several ("met with Putin in Alaska last week and welcomed … to the White House"), cut to
//     the comma-separated parts around the trigger when long; always the article's own words;
//   - actors: the people and organisations named there (a location only when no one else acts),
//     with the sentence's people added to a call, meeting, summit, talks or agreement that names
//     fewer than two;
//   - a place: a location after "in" or "at" (or "to" for a visit) that no other noun takes
//     ("talks on the war in Ukraine" have no place), or before the trigger ("the Istanbul talks");
//   - a time: the temporal expression nearest after the trigger, or one that opens the clause
//     ("On Tuesday, …"); an expression inside a noun phrase ("its 1997 borders") dates nothing
//     but a trigger right after it ("Thursday's call");
//   - a status: planned ("will", "agreed to hold"), possible ("would", "any"), reported
//     ("reportedly", "according to") or happened.
//
// When keeps the expression as written with its preposition ("on Wednesday"), the TIMEX3 date
// without its time of day, and its precision (day, week, month, season, quarter, half, year,
// decade or century). Precision is set even when the date stays open, as it does for a relative
// expression in an article without a publication date.
//
// Offset estimates each event's distance in days from the article's present, to order events
// whose dates stay open: a resolved date counts from the publication date; "last week" is -7
// and "next week" +7 (the direction from words such as last, ago, next, the size from the unit);
// "the following day" counts from the time the text set before; a weekday counts back from the
// present, which lies in the largest gap between the past weekdays the article names ("on
// Monday … on Tuesday" reads as written on Wednesday or later, so Monday is -2 and Tuesday -1);
// a plan without a time is +1. Inside a sentence, "after" and "following" between two events, a
// perfect against a simple past ("announced that they had agreed"), and "After X, Y" move an
// event without a time of its own before or after the other.
//
// # Merging
//
// Merge takes each article's events (a Report, with the article's id, source, outlet,
// publication date, input rank and text) and joins the mentions of one event. Two mentions may
// be one event when their types are compatible (a call and a phone conversation are one type; a
// summit, a meeting and a visit are compatible) and their actors overlap (two in common, or all
// of the smaller set). Then, strongest evidence first:
//
//  1. both have resolved dates, and the dates overlap (a day within its week, a month);
//  2. both are in one article, and their open times do not differ ("on Monday", "on Tuesday");
//  3. each is dated, or lies in the stretch its article's date allows (from a week before
//     publication for what happened, two months after it for a plan), and these agree;
//  4. nothing dates either: then more is needed. Each must be the first mention of the event in
//     its article (an article introduces an event once and refers back to it after), with the
//     same trigger sense ("phone call" and "call" agree, "phone conversation" does not), the same
//     status, at least two actors in common, and the two articles must be about the same
//     development: the cosine similarity of their words at least 0.28.
//
// A pair never joins clusters that disagree: resolved dates that do not overlap (two calls
// between the same leaders weeks apart stay two events), places with no word in common, what
// happened with what might, a plan with what happened except on agreeing dates, or one
// article's two different open times.
//
// # The timeline
//
// Merge returns the merged events in timeline order, each with its Order and the Key it sorts
// by, so that a briefing can sort or interleave them itself. The rule:
//
//   - An event with a resolved date sorts by the start of that date, so that "2025-05" sorts
//     with the first of May, "early May" in its first third, and a year before its months.
//   - An undated event of a dated article sits at the article's publication date moved by its
//     Offset. An undated article that reports an event which dated articles date gets its present
//     from that event: two days after a Thursday call it calls "Thursday" is a Saturday.
//   - Articles that report a common (merged) event form a group and are taken to be written
//     around the same time: a group with a dated article lends its earliest date as present to
//     its other undated articles.
//   - Articles without any date cannot be placed on the calendar. Their present is put after the
//     latest dated event any article reports as past (an explicit year in an undated article is
//     nearly always in the past: "in the spring of 2022", "in 2019") and before dated plans
//     ("in 2026 … will begin"). There, the groups follow the input order of their earliest
//     article, and within a group events follow their Offset (last week, then Monday, then
//     Tuesday), then the input order of their articles and their place in the text.
//
// The rule is only as good as its assumptions: that undated articles come in the order they
// were written, and that their explicit years lie before their present.
package event
