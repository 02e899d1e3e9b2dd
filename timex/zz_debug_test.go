package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// Local error analysis helper; not committed.
func TestZZDebug(t *testing.T) {
	gold := os.Getenv("TX_GOLD")
	if gold == "" {
		t.Skip()
	}
	filter := strings.ToLower(os.Getenv("TX_FILTER"))
	dir := os.Getenv("TX_DIR")
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(gold)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var g struct {
			ID    string
			DCT   string
			Timex []struct {
				Start, End        int
				Text, Type, Value string
			}
		}
		json.Unmarshal(sc.Bytes(), &g)
		raw, _ := os.ReadFile(dir + "/docs/" + g.ID + ".txt")
		text := string(raw)
		dct, _ := time.Parse("2006-01-02", g.DCT[:10])
		pred := tg.Tag(text, dct)
		ctx := func(s, e int) string {
			a, b := max(0, s-80), min(len(text), e+60)
			return strings.ReplaceAll(text[a:s]+"[["+text[s:e]+"]]"+text[e:b], "\n", " ")
		}
		for _, gt := range g.Timex {
			if filter != "" && strings.ToLower(gt.Text) != filter {
				continue
			}
			pv := "-"
			for _, p := range pred {
				if p.Start < gt.End && gt.Start < p.End {
					pv = string(p.Type) + " " + p.Value + " [" + p.Text + "]"
				}
			}
			mark := "OK "
			if !strings.HasPrefix(pv, gt.Type+" "+gt.Value+" ") {
				mark = "ERR"
			}
			fmt.Printf("%s %s %s | gold %s %s | pred %s | %s\n", mark, g.ID, g.DCT, gt.Type, gt.Value, pv, ctx(gt.Start, gt.End))
		}
		if os.Getenv("TX_SPUR") != "" {
			for _, p := range pred {
				if filter != "" && strings.ToLower(p.Text) != filter {
					continue
				}
				hit := false
				for _, gt := range g.Timex {
					if p.Start < gt.End && gt.Start < p.End {
						hit = true
					}
				}
				if !hit {
					fmt.Printf("SPUR %s %s | %s %s | %s\n", g.ID, g.DCT, p.Type, p.Value, ctx(p.Start, p.End))
				}
			}
		}
	}
}
