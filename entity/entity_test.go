package entity_test

import (
	"slices"
	"testing"

	"github.com/dossier-news/dossier/entity"
)

func finder(t *testing.T) *entity.Finder {
	t.Helper()
	f, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// byName finds the entity of a type whose name or alias is name.
func byName(es []entity.Entity, typ, name string) (entity.Entity, bool) {
	for _, e := range es {
		if e.Type == typ && (e.Name == name || slices.Contains(e.Aliases, name)) {
			return e, true
		}
	}
	return entity.Entity{}, false
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text, person string
		want               []string
	}{
		{"title before", "Kremlin spokesman Dmitry Peskov said the talks would resume on Monday.", "Dmitry Peskov", []string{"Kremlin spokesman"}},
		{"title with of", "U.S. Secretary of Defense Peter Hallam arrived in Warsaw on Tuesday.", "Peter Hallam", []string{"U.S. Secretary of Defense"}},
		{"possessive title", "Officials said the EU's top diplomat Maria Lindqvist would travel to Kyiv.", "Maria Lindqvist", []string{"EU's top diplomat"}},
		{"apposition", "Anna Sorokina, a senior fellow at the Carnegie Endowment in Berlin, said the offer was a bluff.", "Anna Sorokina", []string{"senior fellow at the Carnegie Endowment in Berlin"}},
		{"apposition with the", "Mikhail Orlov, the Russian deputy foreign minister, told reporters the plan was dead.", "Mikhail Orlov", []string{"Russian deputy foreign minister"}},
		{"role then name set off", "The Council's special envoy, Ilse Brandt, declined to comment.", "Ilse Brandt", []string{"Council's special envoy"}},
		{"no role after a clause", "John Carter, who lives in Ohio, said he had voted.", "John Carter", nil},
		{"list is no role", "Marco Rubio, Defense Secretary Peter Hallam and others met in Riyadh.", "Marco Rubio", nil},
	}
	f := finder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := byName(f.Find(tt.text), entity.Person, tt.person)
			if !ok {
				t.Fatalf("Find(%q) has no person %q", tt.text, tt.person)
			}
			if len(e.Roles) != len(tt.want) || (len(tt.want) > 0 && !slices.Equal(e.Roles, tt.want)) {
				t.Errorf("roles of %s = %q, want %q", tt.person, e.Roles, tt.want)
			}
		})
	}
}

func TestAliasesWithinArticle(t *testing.T) {
	tests := []struct {
		name, text string
		person     string
		mentions   int
		aliases    []string
	}{
		{
			"surname and title",
			"Donald Trump spoke to reporters on Friday. Trump said a deal was close. Later President Trump left for Florida.",
			"Donald Trump", 3, []string{"Trump"},
		},
		{
			"spelling variant joins by key",
			"Volodymyr Zelensky met the delegation in Kyiv. Zelenskyy said Ukraine would not cede land.",
			"Volodymyr Zelensky", 2, []string{"Zelenskyy"},
		},
	}
	f := finder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := byName(f.Find(tt.text), entity.Person, tt.person)
			if !ok {
				t.Fatalf("no person %q in %q", tt.person, tt.text)
			}
			if len(e.Mentions) != tt.mentions || !slices.Equal(e.Aliases, tt.aliases) {
				t.Errorf("%s: %d mentions, aliases %q; want %d and %q", tt.person, len(e.Mentions), e.Aliases, tt.mentions, tt.aliases)
			}
		})
	}
}

func TestSharedSurnameGoesToNearestPerson(t *testing.T) {
	text := "Anna Berg chairs the water board. Her brother, Lukas Berg, runs the port authority. Berg said the port would close on Monday."
	es := finder(t).Find(text)
	anna, ok1 := byName(es, entity.Person, "Anna Berg")
	lukas, ok2 := byName(es, entity.Person, "Lukas Berg")
	if !ok1 || !ok2 {
		t.Fatalf("want Anna Berg and Lukas Berg apart, got %+v", es)
	}
	if anna.ID == lukas.ID {
		t.Fatalf("Anna Berg and Lukas Berg share ID %s", anna.ID)
	}
	if len(lukas.Mentions) != 2 || len(anna.Mentions) != 1 {
		t.Errorf("lone Berg: Lukas has %d mentions, Anna %d; want 2 and 1", len(lukas.Mentions), len(anna.Mentions))
	}
}

func TestMetonyms(t *testing.T) {
	tests := []struct {
		name, text, surface, typ, actor string
	}{
		{"Kremlin speaks", "The Kremlin said on Tuesday that the proposal was unacceptable.", "Kremlin", entity.Organization, "Russia's leadership"},
		{"capital acts", "Moscow rejected the offer within hours.", "Moscow", entity.Organization, "Russia's leadership"},
		{"capital as a place", "The delegation arrived in Moscow on Sunday evening.", "Moscow", entity.Location, ""},
		{"White House", "The White House declined to comment on the report.", "White House", entity.Organization, "US administration"},
		{"Downing Street", "Downing Street said the prime minister had spoken to Kyiv.", "Downing Street", entity.Organization, "UK government"},
	}
	f := finder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := byName(f.Find(tt.text), tt.typ, tt.surface)
			if !ok {
				t.Fatalf("Find(%q) has no %s %q", tt.text, tt.typ, tt.surface)
			}
			if e.Actor != tt.actor {
				t.Errorf("%q stands for %q, want %q", tt.surface, e.Actor, tt.actor)
			}
		})
	}
}

func TestMetonymTable(t *testing.T) {
	f := finder(t)
	for name, want := range map[string]string{
		"the Kremlin":     "Russia's leadership",
		"Moscow":          "Russia's leadership",
		"the White House": "US administration",
		"Washington":      "US administration",
		"Kyiv":            "Ukraine's government",
		"Downing Street":  "UK government",
	} {
		t.Run(name, func(t *testing.T) {
			if got, ok := f.Actor(name); !ok || got != want {
				t.Errorf("Actor(%q) = %q, %v; want %q", name, got, ok, want)
			}
		})
	}
	if got, ok := f.Actor("Springfield"); ok {
		t.Errorf("Actor(Springfield) = %q, want none", got)
	}
}
