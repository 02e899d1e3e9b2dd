package eval

// Counts are the items predicted, expected and matched, for one kind or overall: the numbers every
// scorer here (quotes, names) turns into precision, recall and F1.
type Counts struct {
	Correct, Predicted, Gold int
}

// Precision is the share of predictions that are right (0 when nothing was predicted).
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is the share of gold items that were found (0 when there are none).
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
