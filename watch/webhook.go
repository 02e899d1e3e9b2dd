package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
)

// Webhook tells another program, with an HTTP POST of JSON, when an actor it follows gains a
// quote or a position in a newly stored article. The Adder calls Notify once an article is
// stored: a notification that fails is the Adder's to log, never a reason to store again.
type Webhook struct {
	URL string
	// Actors are the followed actors: entity IDs ("person:ilse-varga") or names as articles
	// write them ("Ilse Varga"), matched ignoring case.
	Actors []string
	// Client posts the events; nil means one with a 10-second limit.
	Client *http.Client
}

// Event is what a Webhook posts: one JSON object per followed actor per article.
type Event struct {
	// Actor is the followed actor, as Webhook.Actors names it.
	Actor     string             `json:"actor"`
	Article   EventArticle       `json:"article"`
	Quotes    []analyze.Quote    `json:"quotes"`
	Positions []analyze.Position `json:"positions"`
}

// EventArticle is the article an Event comes from.
type EventArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// Events returns the events a newly stored article raises for the followed actors: for each,
// its quotes (as the speaker or a joint speaker) and its positions. An actor the article does
// not quote and gives no position raises none.
func (h *Webhook) Events(r *analyze.Record) []Event {
	var events []Event
	for _, actor := range h.Actors {
		is := func(name, entity string) bool {
			return strings.EqualFold(actor, entity) || strings.EqualFold(actor, name)
		}
		ev := Event{Actor: actor, Quotes: []analyze.Quote{}, Positions: []analyze.Position{}}
		for _, q := range r.Quotes {
			match := is(q.Speaker.Name, q.Speaker.Entity)
			for _, j := range q.Joint {
				match = match || is(j.Name, j.Entity)
			}
			if match {
				ev.Quotes = append(ev.Quotes, q)
			}
		}
		for _, p := range r.Positions {
			if is(p.Actor.Name, p.Actor.Entity) {
				ev.Positions = append(ev.Positions, p)
			}
		}
		if len(ev.Quotes) == 0 && len(ev.Positions) == 0 {
			continue
		}
		ev.Article = EventArticle{ID: r.ID, URL: r.URL, Source: r.Source, Outlet: r.Outlet, Title: r.Title, Published: r.Published}
		events = append(events, ev)
	}
	return events
}

// Notify posts each event r raises, one request each, and stops at the first that fails.
func (h *Webhook) Notify(ctx context.Context, r *analyze.Record) error {
	client := h.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	for _, ev := range h.Events(r) {
		body, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode webhook event: %w", err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("build webhook request: %w", err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("post webhook event for %s: %w", ev.Actor, err)
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return fmt.Errorf("post webhook event for %s: %w", ev.Actor, &statusError{code: resp.StatusCode, status: resp.Status})
		}
	}
	return nil
}
