package ner_test

import (
	"bytes"
	"github.com/dossier-news/dossier/eval"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/ner"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []ner.Chunk
	}{
		{"IOB2", []string{"B-PER", "I-PER", "O", "B-LOC"}, []ner.Chunk{{Type: "PER", Start: 0, End: 2}, {Type: "LOC", Start: 3, End: 4}}},
		{"adjacent", []string{"B-PER", "B-PER", "I-PER"}, []ner.Chunk{{Type: "PER", Start: 0, End: 1}, {Type: "PER", Start: 1, End: 3}}},
		{"IOB1 start", []string{"I-ORG", "I-ORG", "O"}, []ner.Chunk{{Type: "ORG", Start: 0, End: 2}}},
		{"type change", []string{"B-ORG", "I-LOC"}, []ner.Chunk{{Type: "ORG", Start: 0, End: 1}, {Type: "LOC", Start: 1, End: 2}}},
		{"none", []string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ner.Chunks(tt.tags); !slices.Equal(got, tt.want) {
				t.Errorf("Chunks(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestScores(t *testing.T) {
	var s ner.Scores
	s.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-ORG"})
	s.Add([]string{"B-LOC", "O"}, []string{"B-LOC", "B-MISC"})
	if got, want := s.Overall, (eval.Counts{Correct: 2, Predicted: 4, Gold: 3}); got != want {
		t.Fatalf("overall = %+v, want %+v", got, want)
	}
	if got := s.ByType["LOC"]; got.Recall() != 0.5 || got.Precision() != 1 {
		t.Errorf("LOC = %+v: precision %v recall %v, want 1 and 0.5", got, got.Precision(), got.Recall())
	}
	var b bytes.Buffer
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "overall") || !strings.Contains(b.String(), "66.67") {
		t.Errorf("table lacks the overall row or its 66.67 F1:\n%s", b.String())
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER\n\n-DOCSTART- O\n\nBonn B-LOC\n"
	docs, err := ner.ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d documents %+v, want 2 with 2 and 1 sentences", len(docs), docs)
	}
	if got := docs[0].Sentences[1].Tags; !slices.Equal(got, []string{"B-PER", "I-PER"}) {
		t.Errorf("tags = %q", got)
	}
	if _, err := ner.ReadCoNLL(strings.NewReader("\n\n")); err == nil {
		t.Error("empty input read without error")
	}
	if _, err := ner.ReadCoNLL(strings.NewReader("EU B-ORG\nrejects\n")); err == nil {
		t.Error("a missing tag column read without error")
	}
}

func TestDefaultTagsNames(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "German Chancellor Helmut Kohl met officials of the European Commission in Brussels on Monday."
	_, ms := m.Find(text)
	var got []string
	for _, mm := range ms {
		got = append(got, mm.Type+":"+text[mm.Start:mm.End])
	}
	want := []string{"MISC:German", "PER:Helmut Kohl", "ORG:European Commission", "LOC:Brussels"}
	if !slices.Equal(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
}

func TestTagCoNLLAppendsColumn(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := m.TagCoNLL(strings.NewReader("-DOCSTART- O\n\nPeter B-PER\nsaid O\n"), &out); err != nil {
		t.Fatal(err)
	}
	if want := "-DOCSTART- O O\n\nPeter B-PER B-PER\nsaid O O\n\n"; out.String() != want {
		t.Errorf("TagCoNLL wrote %q, want %q", out.String(), want)
	}
}

// TestModelRoundTrip trains a small model, writes and reads it, and checks the copy tags alike.
func TestModelRoundTrip(t *testing.T) {
	train := readDocs(t, "train.txt")[:40]
	dev := readDocs(t, "dev.txt")[:10]
	lx, err := ner.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	res, err := ner.Train(t.Context(), train, dev, lx, ner.TrainConfig{Seed: 1, MaxEpochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := res.Model.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ner.Read(&buf, lx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := back.Score(dev), res.Model.Score(dev); got.Overall != want.Overall {
		t.Errorf("read model scores %+v, trained model %+v", got.Overall, want.Overall)
	}
	if _, err := ner.Read(strings.NewReader("not a model"), lx); err == nil {
		t.Error("Read accepted junk")
	}
}

// TestTrainRefit checks that a refitted model learns from dev too: it scores dev better than the
// model trained on train alone for the same number of epochs.
func TestTrainRefit(t *testing.T) {
	train := readDocs(t, "train.txt")[:40]
	dev := readDocs(t, "dev.txt")[:10]
	lx, err := ner.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	alone, err := ner.Train(t.Context(), train, dev, lx, ner.TrainConfig{Seed: 1, MaxEpochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	refit, err := ner.Train(t.Context(), train, dev, lx, ner.TrainConfig{Seed: 1, MaxEpochs: 3, Refit: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(refit.Epochs, alone.Epochs) || refit.Dev.Overall != alone.Dev.Overall {
		t.Errorf("refit chose epochs %v (dev %+v), train alone %v (dev %+v): want the same choice", refit.Epochs, refit.Dev.Overall, alone.Epochs, alone.Dev.Overall)
	}
	if got, base := refit.Model.Score(dev).Overall.F1(), alone.Model.Score(dev).Overall.F1(); got <= base {
		t.Errorf("refitted model scores dev %.3f, no better than %.3f trained on train alone", got, base)
	}
}

// TestTrainReproducible checks that training twice with the same seeds writes the same model, and
// that each seed gets its own number of epochs.
func TestTrainReproducible(t *testing.T) {
	train := readDocs(t, "train.txt")[:30]
	dev := readDocs(t, "dev.txt")[:8]
	lx, err := ner.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var models [2][]byte
	for i := range models {
		res, err := ner.Train(t.Context(), train, dev, lx, ner.TrainConfig{Seed: 3, Seeds: 2, MaxEpochs: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Epochs) != 2 {
			t.Fatalf("epochs %v, want one per seed", res.Epochs)
		}
		var buf bytes.Buffer
		if err := res.Model.Write(&buf); err != nil {
			t.Fatal(err)
		}
		models[i] = buf.Bytes()
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Error("two trainings with the same seeds wrote different models")
	}
}
