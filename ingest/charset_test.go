package ingest_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/ingest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Invented sentences in the languages whose legacy encodings news archives still hold.
const (
	russian = "Городской совет Велморы во вторник проголосовал за сохранение ночного парома. " +
		"«Мы не можем оставить острова без связи на пять месяцев», — сказала депутат Инесса Марлова.\n"
	// KOI8-R has no guillemets or dashes.
	russianPlain = "Жители островов собрали четыре тысячи подписей. \"Паром нужен нам и зимой\", - говорит рыбак Олег Тарасов.\n"
	ukrainian    = "Міська рада Велмори у вівторок проголосувала за збереження нічного порома. " +
		"Мешканці островів зібрали чотири тисячі підписів.\n"
	french = "Le conseil municipal de Velmora a voté mardi pour garder le traversier de nuit. " +
		"« Nous ne pouvons pas abandonner les îles », a déclaré Inès Marlow, élue du quartier.\n"
	german = "Der Gemeinderat von Velmora hat am Dienstag für die Nachtfähre gestimmt. " +
		"„Wir dürfen die Inseln nicht fünf Monate lang abschneiden“, sagte die Rätin Inès Marlow.\n"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestReadCharset(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{name: "utf-8", file: "a.txt", data: []byte(russian), want: russian},
		{name: "utf-8-bom", file: "a.txt", data: append([]byte("\xef\xbb\xbf"), russian...), want: russian},
		{name: "utf-16le-bom", file: "a.txt", data: encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), french), want: french},
		{name: "utf-16be-bom", file: "a", data: encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), german), want: german},
		{name: "windows-1251", file: "a.txt", data: encode(t, charmap.Windows1251, russian), want: russian},
		{name: "windows-1251-ukrainian", file: "a.txt", data: encode(t, charmap.Windows1251, ukrainian), want: ukrainian},
		{name: "koi8-r", file: "a.txt", data: encode(t, charmap.KOI8R, russianPlain), want: russianPlain},
		{name: "windows-1252-french", file: "a.txt", data: encode(t, charmap.Windows1252, french), want: french},
		{name: "windows-1252-german", file: "a.md", data: encode(t, charmap.Windows1252, german), want: german},
		{name: "utf-8-one-bad-byte", file: "a.txt", data: []byte(russian[:60] + "\xff" + russian[60:]), want: russian[:60] + "\uFFFD" + russian[60:]},
		{
			name: "html-meta-windows-1251",
			file: "a.html",
			data: encode(t, charmap.Windows1251, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>`+russian+`</p></body></html>`),
			want: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>` + russian + `</p></body></html>`,
		},
		{
			name: "html-meta-koi8-r",
			file: "a.html",
			data: encode(t, charmap.KOI8R, `<html><head><meta charset="koi8-r"></head><body><p>`+russianPlain+`</p></body></html>`),
			want: `<html><head><meta charset="koi8-r"></head><body><p>` + russianPlain + `</p></body></html>`,
		},
		{
			// A page that declares UTF-8 but is not: the bytes win over the declaration.
			name: "html-wrong-declaration",
			file: "a.html",
			data: encode(t, charmap.Windows1251, `<html><head><meta charset="utf-8"></head><body><p>`+russian+`</p></body></html>`),
			want: `<html><head><meta charset="utf-8"></head><body><p>` + russian + `</p></body></html>`,
		},
		{
			name: "html-undeclared-koi8-r",
			file: "a.htm",
			data: encode(t, charmap.KOI8R, `<html><body><p>`+russianPlain+`</p></body></html>`),
			want: `<html><body><p>` + russianPlain + `</p></body></html>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string][]byte{tt.file: tt.data})
			got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), []string{filepath.Join(dir, tt.file)}))
			if len(got) != 1 || got[0].Error != "" {
				t.Fatalf("got %+v, want one document", got)
			}
			if got[0].Body != tt.want {
				t.Errorf("body =\n%q\nwant\n%q", got[0].Body, tt.want)
			}
		})
	}
}

// TestReadCharsetJSONL checks that a JSON Lines file exported in a legacy encoding is decoded
// line by line before the JSON is parsed.
func TestReadCharsetJSONL(t *testing.T) {
	dir := t.TempDir()
	line := encode(t, charmap.Windows1251, `{"title": "Паром", "text": "`+russian[:len(russian)-1]+`"}`)
	writeFiles(t, dir, map[string][]byte{"a.jsonl": bytes.Join([][]byte{line, line}, []byte("\n"))})
	got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), []string{filepath.Join(dir, "a.jsonl")}))
	if len(got) != 2 || got[1].Body != russian[:len(russian)-1] || got[1].Meta.Title != "Паром" {
		t.Errorf("got %+v, want two records decoded from windows-1251", got)
	}
}
