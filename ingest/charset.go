package ingest

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte-order marks.
const (
	utf8BOM    = "\xEF\xBB\xBF"
	utf16LEBOM = "\xFF\xFE"
	utf16BEBOM = "\xFE\xFF"
)

// decodeText turns the bytes of a plain-text or Markdown document into UTF-8. Without a byte-order
// mark it trusts bytes that are valid UTF-8, and otherwise guesses the legacy encoding.
func decodeText(b []byte) []byte {
	if out, ok := decodeBOM(b); ok {
		return out
	}
	return decodeUndeclared(b)
}

// decodeHTML turns the bytes of a page into UTF-8 as a browser would: a byte-order mark, then the
// charset of the HTTP Content-Type, then a <meta> declaration. A declared UTF-8 that the bytes
// contradict is treated as no declaration, because a page in a legacy encoding cannot be UTF-8
// while a server's default charset often is wrong.
func decodeHTML(b []byte, contentType string) []byte {
	if out, ok := decodeBOM(b); ok {
		return out
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	var enc encoding.Encoding
	var name string
	if label != "" {
		enc, name = charset.Lookup(label)
	}
	if enc == nil {
		enc, name = metaCharset(b)
	}
	if enc == nil || name == "utf-8" {
		return decodeUndeclared(b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return decodeUndeclared(b)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// metaScanLen bounds the search for a <meta> charset. The HTML standard stops at 1024 bytes, but
// news pages often put a kilobyte of scripts and styles before it.
const metaScanLen = 64 << 10

// metaCharset finds the encoding a page declares in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">, looking no further than <body>.
func metaCharset(b []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(b[:min(len(b), metaScanLen)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return nil, ""
			case "meta":
				var label, content string
				httpEquiv := false
				for hasAttr {
					var key, val []byte
					key, val, hasAttr = z.TagAttr()
					switch string(key) {
					case "charset":
						label = string(val)
					case "http-equiv":
						httpEquiv = strings.EqualFold(string(val), "content-type")
					case "content":
						content = string(val)
					}
				}
				if label == "" && httpEquiv {
					if _, params, err := mime.ParseMediaType(content); err == nil {
						label = params["charset"]
					}
				}
				if label != "" {
					if enc, name := charset.Lookup(strings.TrimSpace(label)); enc != nil {
						return enc, name
					}
				}
			}
		}
	}
}

// decodeBOM decodes text that opens with a UTF-8 byte-order mark, dropping the mark. UTF-16,
// which always carries a mark, is converted earlier, as the source is read (see fromUTF16).
func decodeBOM(b []byte) ([]byte, bool) {
	if !bytes.HasPrefix(b, []byte(utf8BOM)) {
		return nil, false
	}
	return bytes.ToValidUTF8(b[len(utf8BOM):], []byte("\uFFFD")), true
}

// fromUTF16 converts a source that opens with a UTF-16 byte-order mark to UTF-8 as it is read, so
// that detection and every reader after it see UTF-8 only.
func fromUTF16(r io.Reader, head []byte) (io.Reader, bool) {
	var order xunicode.Endianness
	switch {
	case bytes.HasPrefix(head, []byte(utf16LEBOM)):
		order = xunicode.LittleEndian
	case bytes.HasPrefix(head, []byte(utf16BEBOM)):
		order = xunicode.BigEndian
	default:
		return r, false
	}
	return transform.NewReader(r, xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder()), true
}

// decodeUndeclared handles bytes whose encoding nobody declared. Valid UTF-8 is kept. UTF-8 with a
// few bad bytes (a truncated download, a careless concatenation) keeps its good characters and
// gets U+FFFD for the bad ones. Anything else is a legacy single-byte encoding.
func decodeUndeclared(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	if mostlyUTF8(b) {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	out, _ := guessLegacy(b).NewDecoder().Bytes(b)
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// mostlyUTF8 reports whether well-formed multi-byte sequences outnumber stray high bytes four to
// one. Legacy Cyrillic and Latin text almost never forms a valid sequence by chance: a letter byte
// from 0xC0 up would have to be followed by one from 0x80 to 0xBF.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		b = b[size:]
	}
	return good >= 4*bad && good > 0
}

// guessLegacy picks among windows-1251, KOI8-R and windows-1252, the encodings that undeclared
// non-UTF-8 news text is written in. In the right Cyrillic decoding almost every letter is
// lowercase and words are Cyrillic throughout; the two Cyrillic charsets swap the cases of their
// letters, and Western text read as Cyrillic sprinkles Cyrillic letters inside Latin words.
func guessLegacy(b []byte) encoding.Encoding {
	best, bestScore := encoding.Encoding(charmap.Windows1252), 0.5
	for _, enc := range []encoding.Encoding{charmap.Windows1251, charmap.KOI8R} {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			continue
		}
		if score := cyrillicScore(out); score > bestScore {
			best, bestScore = enc, score
		}
	}
	return best
}

// cyrillicScore is the share of Cyrillic letters that are lowercase and stand in all-Cyrillic words,
// less the share standing in words mixed with Latin letters. It is near 0.9 for Russian or
// Ukrainian text in the right encoding and near zero or below otherwise.
func cyrillicScore(s []byte) float64 {
	var total, score int
	var word []rune
	flush := func() {
		cyr, latin, lower := 0, 0, 0
		for _, r := range word {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
				if unicode.IsLower(r) {
					lower++
				}
			case unicode.IsLetter(r):
				latin++
			}
		}
		total += cyr
		if latin > 0 {
			score -= cyr
		} else {
			score += lower
		}
		word = word[:0]
	}
	for _, r := range string(s) {
		if unicode.IsLetter(r) {
			word = append(word, r)
			continue
		}
		flush()
	}
	flush()
	if total == 0 {
		return 0
	}
	return float64(score) / float64(total)
}
