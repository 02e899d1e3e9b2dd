package event

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
)

// Key is where a merged event sorts on the timeline; Compare orders two keys.
type Key struct {
	// Time is when the event took place as far as the reports tell: the start of its resolved
	// date ("2025-05" sorts with the first of May, "early May" no later); for an event without
	// one, its article's present moved by the event's Offset. An article's present is its
	// publication date; for an undated article that reports an event dated by dated articles,
	// that event's date less the article's offset for it; else the earliest publication date of
	// its article group; and when none of those articles is dated, the end of the latest dated
	// event reported as past, where every undated article's present is put.
	Time time.Time `json:"time"`
	// Group is the input rank of the earliest article of the event's article group: articles
	// that report a common event are taken to be written around the same time.
	Group int `json:"group"`
	// Offset is the event's Offset in the article that placed it: days from that article's present.
	Offset float64 `json:"offset"`
	// Rank, Pos and Index are the input rank of the article that placed the event, the byte
	// offset of its mention's sentence there and the mention's index among the article's events,
	// so that text order breaks the last ties.
	Rank  int `json:"rank"`
	Pos   int `json:"pos"`
	Index int `json:"index"`
}

// Compare returns -1, 0 or 1 as k sorts before, with or after o: by Time, then Group, Offset,
// Rank, Pos and Index.
func (k Key) Compare(o Key) int {
	return cmp.Or(k.Time.Compare(o.Time), cmp.Compare(k.Group, o.Group), cmp.Compare(k.Offset, o.Offset),
		cmp.Compare(k.Rank, o.Rank), cmp.Compare(k.Pos, o.Pos), cmp.Compare(k.Index, o.Index))
}

// timeline writes each cluster as a Merged event and puts them in order.
func (m *merger) timeline() []Merged {
	groups := m.articleGroups()
	groupRank := make(map[int]int)
	present := make(map[int]time.Time)
	for ri, r := range m.reports {
		g := groups[ri]
		if rank, ok := groupRank[g]; !ok || r.Rank < rank {
			groupRank[g] = r.Rank
		}
		if p := present[g]; !r.Published.IsZero() && (p.IsZero() || r.Published.Before(p)) {
			present[g] = r.Published
		}
	}
	var block time.Time
	for _, c := range m.cl {
		if c.dated && c.classes&past != 0 && c.date.end.After(block) {
			block = c.date.end
		}
	}
	estimated := m.estimatePresents()
	out := make([]Merged, 0, len(m.cl))
	for _, c := range m.cl {
		slices.SortFunc(c.items, func(a, b int) int {
			x, y := &m.items[a], &m.items[b]
			return cmp.Or(cmp.Compare(m.reports[x.rep].Rank, m.reports[y.rep].Rank), cmp.Compare(x.index, y.index))
		})
		e := m.merged(c)
		lead := &m.items[c.items[0]]
		k := Key{Group: groupRank[groups[lead.rep]], Rank: m.reports[lead.rep].Rank, Pos: lead.ev.Evidence.Start, Index: lead.index}
		if c.dated {
			k.Time = c.date.start
		} else {
			it := m.placer(c)
			r := &m.reports[it.rep]
			k.Group, k.Offset, k.Rank, k.Pos, k.Index = groupRank[groups[it.rep]], it.ev.Offset, r.Rank, it.ev.Evidence.Start, it.index
			shift := time.Duration(it.ev.Offset * float64(24*time.Hour))
			switch p := present[groups[it.rep]]; {
			case !r.Published.IsZero():
				k.Time = r.Published.Add(shift)
			case !estimated[it.rep].IsZero():
				k.Time = estimated[it.rep].Add(shift)
			case !p.IsZero():
				k.Time = p.Add(shift)
			default:
				k.Time = block
			}
		}
		e.Key = k
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Merged) int { return a.Key.Compare(b.Key) })
	for i := range out {
		out[i].Order = i
	}
	return out
}

// estimatePresents dates the present of undated reports that share an event with dated ones:
// the event's date less the report's own offset for it ("on Thursday" two days back puts the
// report on Saturday), or the end of the event's date when the report gives no time. The latest
// such date wins, since an article comes after all it reports. An event dated only by the
// report's own words ("in 2019") bounds nothing here: undated articles mention such years
// whenever they were written.
func (m *merger) estimatePresents() map[int]time.Time {
	out := make(map[int]time.Time)
	for _, c := range m.cl {
		if !c.dated || !slices.ContainsFunc(c.items, func(i int) bool { return !m.reports[m.items[i].rep].Published.IsZero() }) {
			continue
		}
		for _, i := range c.items {
			it := &m.items[i]
			if !m.reports[it.rep].Published.IsZero() || it.class != past {
				continue
			}
			est := c.date.end
			if it.ev.When.Text != "" || it.ev.Offset != 0 {
				est = c.date.start.Add(-time.Duration(it.ev.Offset * float64(24*time.Hour)))
			}
			if est.After(out[it.rep]) {
				out[it.rep] = est
			}
		}
	}
	return out
}

// articleGroups returns, per report, the index of its group: reports that share a merged event
// are one group.
func (m *merger) articleGroups() []int {
	g := make([]int, len(m.reports))
	for i := range g {
		g[i] = i
	}
	find := func(i int) int {
		for g[i] != i {
			g[i] = g[g[i]]
			i = g[i]
		}
		return i
	}
	for _, c := range m.cl {
		first := find(m.items[c.items[0]].rep)
		for _, i := range c.items[1:] {
			if r := find(m.items[i].rep); r != first {
				g[r] = first
			}
		}
	}
	for i := range g {
		g[i] = find(i)
	}
	return g
}

// placer returns the member that places an undated event best: one with a time written, else one
// whose sentence orders it, else the first.
func (m *merger) placer(c *cluster) *item {
	best := &m.items[c.items[0]]
	for _, i := range c.items {
		it := &m.items[i]
		switch {
		case it.ev.When.Text != "":
			return it
		case it.ev.Offset != 0 && best.ev.Offset == 0 && best.ev.When.Text == "":
			best = it
		}
	}
	return best
}

// merged writes a cluster, its items in order, as one event.
func (m *merger) merged(c *cluster) Merged {
	lead := m.items[c.items[0]].ev
	e := Merged{Type: lead.Type, Summary: lead.Summary, Actors: []dossier.Actor{}, Sources: make([]Source, 0, len(c.items))}
	statusRank := func(s string) int { return slices.Index([]string{Happened, Reported, Planned, Possible}, s) }
	var when span
	for _, i := range c.items {
		it := &m.items[i]
		r := &m.reports[it.rep]
		e.Sources = append(e.Sources, Source{Article: r.Article, Source: r.Source, Outlet: r.Outlet, Event: *it.ev})
		for _, a := range it.ev.Actors {
			if !slices.ContainsFunc(e.Actors, func(x dossier.Actor) bool { return actorKey(x) == actorKey(a) || strings.EqualFold(x.Name, a.Name) }) {
				e.Actors = append(e.Actors, a)
			}
		}
		if e.Status == "" || statusRank(it.ev.Status) < statusRank(e.Status) {
			e.Status = it.ev.Status
		}
		if e.Place == "" {
			e.Place = it.ev.Place
		}
		switch {
		case it.dated && (when.start.IsZero() || it.date.end.Sub(it.date.start) < when.end.Sub(when.start)):
			e.When, when = it.ev.When, it.date
		case when.start.IsZero() && e.When.Text == "":
			e.When = it.ev.When
		}
	}
	return e
}
