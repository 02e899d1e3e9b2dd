package brief

// timeline lists the story's events in order.
func (s *story) timeline() []Moment {
	var out []Moment
	for _, r := range s.originals() {
		for _, e := range r.Events {
			var names []string
			for _, a := range e.Actors {
				n, _ := s.actorName(r.ID, a)
				names = append(names, n)
			}
			out = append(out, Moment{When: e.When, Type: e.Type, Summary: e.Summary, Actors: names, Citations: []Citation{cite(r, e.Evidence.Start, e.Evidence.End)}})
		}
	}
	return out
}
