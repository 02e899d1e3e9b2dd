package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/dossier-news/dossier"
)

// sidecarSuffix ends the name of the metadata file that may sit beside a document.
const sidecarSuffix = ".meta.json"

// maxSidecar bounds a sidecar: it holds five short fields.
const maxSidecar = 1 << 20

// readPath reads a file or walks a directory of the operating system.
func (r *Reader) readPath(s *sink, p string) bool {
	info, err := os.Stat(p)
	if err != nil {
		return s.fail(p, pathError(err))
	}
	dir, root := p, "."
	if !info.IsDir() {
		dir, root = filepath.Split(p)
		if dir == "" {
			dir = "."
		}
	}
	// os.DirFS lets one walker serve Read and ReadFS; display turns its slash paths back into the
	// paths a person typed.
	return r.readTree(s, os.DirFS(dir), root, func(name string) string {
		return filepath.Join(dir, filepath.FromSlash(name))
	})
}

// readTree reads the file root of fsys, or every file under the directory root in lexical order.
// Inside a directory, hidden files and directories, sidecars, and files that are neither regular
// nor symbolic links (sockets, devices) are passed over; root itself is read whatever it is, so
// that an explicit /dev/stdin or named pipe works.
func (r *Reader) readTree(s *sink, fsys fs.FS, root string, display func(string) string) bool {
	cont := true
	_ = fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if !s.fail(display(name), pathError(err)) {
				cont = false
				return fs.SkipAll
			}
			return nil
		}
		switch {
		case d.IsDir():
			if name != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		case isSidecar(d.Name()):
			r.log.Debug("skip sidecar", logSource, display(name))
			return nil
		case name == root:
		case strings.HasPrefix(d.Name(), "."):
			return nil
		case !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0:
			r.log.Debug("skip special file", logSource, display(name), logReason, d.Type().String())
			return nil
		}
		if !r.readFile(s, fsys, name, display) {
			cont = false
			return fs.SkipAll
		}
		return nil
	})
	return cont
}

func (r *Reader) readFile(s *sink, fsys fs.FS, name string, display func(string) string) bool {
	source := display(name)
	if !s.alive(source) {
		return false
	}
	f, err := fsys.Open(name)
	if err != nil {
		return s.fail(source, pathError(err))
	}
	defer f.Close()
	sidecar := sidecarName(name)
	return r.readBlob(s, blob{
		source: source,
		name:   name,
		r:      f,
		follow: r.opts.Follow,
		sidecar: func() (dossier.Meta, string, error) {
			m, err := readSidecar(fsys, sidecar)
			return m, display(sidecar), err
		},
	})
}

func isSidecar(name string) bool {
	return len(name) > len(sidecarSuffix) && strings.EqualFold(name[len(name)-len(sidecarSuffix):], sidecarSuffix)
}

// sidecarName is NAME.meta.json for NAME.txt, NAME.md, NAME.html or NAME.html.gz.
func sidecarName(name string) string {
	stem := name
	if strings.EqualFold(path.Ext(stem), ".gz") {
		stem = stem[:len(stem)-len(".gz")]
	}
	return strings.TrimSuffix(stem, path.Ext(stem)) + sidecarSuffix
}

// sidecarRecord is the content of a NAME.meta.json.
type sidecarRecord struct {
	Outlet    string   `json:"outlet"`
	URL       string   `json:"url"`
	Published jsonDate `json:"published"`
	Title     string   `json:"title"`
	Lang      string   `json:"lang"`
}

// readSidecar reads the sidecar name of fsys. A missing sidecar is no error. A date it cannot
// read is reported while the other fields are kept.
func readSidecar(fsys fs.FS, name string) (dossier.Meta, error) {
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return dossier.Meta{}, nil
	}
	if err != nil {
		return dossier.Meta{}, pathError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSidecar+1))
	if err != nil {
		return dossier.Meta{}, pathError(err)
	}
	if len(data) > maxSidecar {
		return dossier.Meta{}, limitError{maxSidecar}
	}
	var rec sidecarRecord
	if err := json.Unmarshal(decodeText(data), &rec); err != nil {
		return dossier.Meta{}, fmt.Errorf("parse sidecar: %w", err)
	}
	m := dossier.Meta{
		Title:     strings.TrimSpace(rec.Title),
		Outlet:    strings.TrimSpace(rec.Outlet),
		URL:       strings.TrimSpace(rec.URL),
		Published: rec.Published.Time,
		Lang:      strings.TrimSpace(rec.Lang),
	}
	if rec.Published.err != nil {
		return m, fmt.Errorf("parse published: %w", rec.Published.err)
	}
	return m, nil
}

// pathError drops the path from a file-system error, since Error.Source names it already.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
