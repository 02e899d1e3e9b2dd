package entity_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/internal/shared"
)

// TestSeedSpeakers checks that every speaker of the seeds' gold quotes is one actor across the
// five articles: one per real person (Zelensky and Zelenskyy are one), none shared by two.
func TestSeedSpeakers(t *testing.T) {
	dir := shared.Dir(t, "seeds")
	f, err := os.Open(filepath.Join(dir, "gold", "quotes.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type gold struct {
		Doc     string   `json:"doc"`
		Speaker string   `json:"speaker"`
		Accept  []string `json:"accept"`
	}
	var quotes []gold
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g gold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		quotes = append(quotes, g)
	}
	finder := finder(t)
	var docs []entity.Doc
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, entity.Doc{Article: filepath.Base(name), Entities: finder.Find(string(text))})
	}
	if len(docs) == 0 {
		t.Skip("no seed articles")
	}
	actors := entity.Resolve(docs)
	actorOf := func(accept []string) (entity.Actor, bool) {
		for _, a := range actors {
			if a.Type != entity.Person && a.Actor == "" {
				continue
			}
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				if slices.Contains(accept, n) {
					return a, true
				}
			}
		}
		return entity.Actor{}, false
	}
	bySpeaker := make(map[string]string)
	for _, q := range quotes {
		if q.Speaker == "Downing Street spokesperson" {
			continue // an unnamed spokesperson is a role, not an entity
		}
		a, ok := actorOf(q.Accept)
		if !ok {
			t.Errorf("%s: speaker %q is no actor", q.Doc, q.Speaker)
			continue
		}
		if id, seen := bySpeaker[q.Speaker]; seen && id != a.ID {
			t.Errorf("%s: speaker %q is %s here and %s elsewhere", q.Doc, q.Speaker, a.ID, id)
		}
		bySpeaker[q.Speaker] = a.ID
	}
	owner := make(map[string]string)
	for s, id := range bySpeaker {
		if o, ok := owner[id]; ok {
			t.Errorf("speakers %q and %q are one actor %s", s, o, id)
		}
		owner[id] = s
	}
}
