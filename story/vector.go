package story

import (
	"cmp"
	"math"
	"slices"
)

// entry is one weighted feature (a term or an actor) of a sparse vector.
type entry struct {
	id int32
	w  float32
}

// vector is a sparse vector with its entries sorted by id, so that two vectors meet in one merge.
type vector []entry

// dot returns the inner product of a and b.
func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// norm returns the Euclidean length of v.
func norm(v vector) float64 {
	var s float64
	for _, e := range v {
		s += float64(e.w) * float64(e.w)
	}
	return math.Sqrt(s)
}

// addInto returns the sum of a and b, written into dst's storage (which must not alias a or b).
func addInto(dst, a, b vector) vector {
	dst = dst[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			dst = append(dst, a[i])
			i++
		case a[i].id > b[j].id:
			dst = append(dst, b[j])
			j++
		default:
			dst = append(dst, entry{a[i].id, a[i].w + b[j].w})
			i++
			j++
		}
	}
	dst = append(dst, a[i:]...)
	return append(dst, b[j:]...)
}

// top returns the k heaviest entries of v, sorted by id, reusing v's storage; v's order is lost.
// Ties keep the lower id, so the result does not depend on the order entries came in.
func top(v vector, k int) vector {
	if len(v) <= k {
		return v
	}
	slices.SortFunc(v, heavierFirst)
	v = v[:k]
	slices.SortFunc(v, byID)
	return v
}

// normalise scales v to unit length in place.
func normalise(v vector) {
	n := norm(v)
	if n == 0 {
		return
	}
	for i := range v {
		v[i].w = float32(float64(v[i].w) / n)
	}
}

func heavierFirst(a, b entry) int {
	if c := cmp.Compare(b.w, a.w); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

func byID(a, b entry) int { return cmp.Compare(a.id, b.id) }
