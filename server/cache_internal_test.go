package server

import (
	"testing"
	"time"

	"github.com/dossier-news/dossier/brief"
)

func TestBriefCache(t *testing.T) {
	c := briefCache{max: 2}
	v1 := briefVersion{time.Date(2031, 4, 1, 0, 0, 0, 0, time.UTC), 3, 0}
	v2 := briefVersion{v1.updated.Add(time.Hour), 4, 0}
	a, b, d := &brief.Briefing{Story: "a"}, &brief.Briefing{Story: "b"}, &brief.Briefing{Story: "d"}
	c.put("a", v1, a)
	if got, ok := c.get("a", v1); !ok || got != a {
		t.Fatal("a briefing just put is not found")
	}
	if _, ok := c.get("a", v2); ok {
		t.Error("a briefing is found after an article joined its story")
	}
	c.put("b", v1, b)
	c.get("a", v1) // a is now the most recently used
	c.put("d", v1, d)
	if _, ok := c.get("b", v1); ok {
		t.Error("the least recently used briefing was kept beyond the limit")
	}
	if _, ok := c.get("a", v1); !ok {
		t.Error("a recently used briefing was dropped")
	}
}
