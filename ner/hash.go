package ner

// Features are 64-bit hashes: a template number mixed with the hashes of the values it looks at.
// Collisions between the few million features of a model are rare enough to ignore at 64 bits.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines a and b into a well-spread hash that is never 0, the table's empty key.
func mix(a, b uint64) uint64 {
	h := a ^ (b+0x9e3779b97f4a7c15)*0xbf58476d1ce4e5b9
	h ^= h >> 31
	h *= 0x94d049bb133111eb
	h ^= h >> 29
	if h == 0 {
		return 1
	}
	return h
}

// table maps feature hashes to rows of weights with open addressing. It only grows: training
// inserts, tagging looks up.
type table struct {
	slots []slot
	n     int
	shift uint
}

type slot struct {
	key uint64
	row int32
}

func newTable(capacity int) *table {
	bits := uint(4)
	for 1<<bits < capacity*2 {
		bits++
	}
	return &table{slots: make([]slot, 1<<bits), shift: 64 - bits}
}

// get returns the row of key, or -1 when it has none.
func (t *table) get(key uint64) int32 {
	mask := len(t.slots) - 1
	for i := int(key >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.key == key {
			return s.row
		}
		if s.key == 0 {
			return -1
		}
	}
}

// put returns the row of key, giving it the next free row when it has none.
func (t *table) put(key uint64) (row int32, added bool) {
	if r := t.get(key); r >= 0 {
		return r, false
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(key, int32(t.n))
	t.n++
	return int32(t.n - 1), true
}

func (t *table) insert(key uint64, row int32) {
	mask := len(t.slots) - 1
	i := int(key >> t.shift)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{key, row}
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]slot, 2*len(old))
	t.shift--
	for _, s := range old {
		if s.key != 0 {
			t.insert(s.key, s.row)
		}
	}
}
