package ner

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
)

// ErrNoTrainingData means training was given no sentences with tags.
var ErrNoTrainingData = errors.New("no tagged sentences to train on")

// TrainConfig controls training. The zero value trains with the defaults.
type TrainConfig struct {
	Options
	// Seed fixes the order in which documents are visited in each epoch, so that a run can be
	// repeated exactly.
	Seed uint64
	// Seeds is how many models, trained with the seeds Seed, Seed+1, ..., have their weights
	// averaged into the one returned (default 1). The order of the documents moves a
	// perceptron's weights by chance; the average of a few orders is steadier than any one.
	Seeds int
	// MaxEpochs bounds the passes over the training data (default 30).
	MaxEpochs int
	// Patience is how many epochs without a better dev F1 end training (default 4).
	Patience int
	// Refit, once dev has chosen the number of epochs, trains a new model from scratch on train
	// and dev together for that many epochs and returns it instead: more names seen, at the cost
	// of a dev score that no longer measures the returned model. Reported CoNLL-2003 figures are
	// commonly made so.
	Refit bool
	// Progress, when set, is told each epoch's dev scores.
	Progress func(seed uint64, epoch int, dev Scores)
}

// TrainResult is what training kept: the average of the models of the epochs with the best dev F1
// of each seed, or with Refit of the models trained on train and dev for those many epochs.
type TrainResult struct {
	Model  *Model
	Epochs []int  // the number of epochs dev chose for each seed
	Dev    Scores // of the average of the models trained on train alone
}

// Train trains a tagger on the tagged documents of train with the averaged structured perceptron,
// labelling each document in two passes with its own first-pass labels as memory exactly as
// tagging does, and keeps the epoch whose averaged weights score best on dev.
func Train(ctx context.Context, train, dev []Document, lx *Lexicon, cfg TrainConfig) (*TrainResult, error) {
	if cfg.MaxEpochs <= 0 {
		cfg.MaxEpochs = 30
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 4
	}
	cfg.Seeds = max(cfg.Seeds, 1)
	lx = lx.with(cfg.Options)
	base := newTrainer(lx, cfg.Options, train)
	if len(base.docs) == 0 {
		return nil, ErrNoTrainingData
	}
	var all *trainer
	if cfg.Refit {
		all = newTrainer(lx, cfg.Options, slices.Concat(train, dev))
	}
	res := &TrainResult{}
	var alone, kept []averaged
	for k := range cfg.Seeds {
		seed := cfg.Seed + uint64(k)
		tr := base.fresh()
		var best averaged
		bestEpoch, bestF1 := 0, -1.0
		err := tr.run(ctx, seed, cfg.MaxEpochs, func(epoch int) bool {
			a := tr.average()
			s := a.model(lx, cfg.Options).Score(dev)
			if cfg.Progress != nil {
				cfg.Progress(seed, epoch, s)
			}
			if f := s.Overall.F1(); f > bestF1 {
				best, bestEpoch, bestF1 = a, epoch, f
			}
			return epoch-bestEpoch < cfg.Patience
		})
		if err != nil {
			return nil, err
		}
		res.Epochs = append(res.Epochs, bestEpoch)
		alone = append(alone, best)
		if cfg.Refit {
			tr := all.fresh()
			if err := tr.run(ctx, seed, bestEpoch, func(int) bool { return true }); err != nil {
				return nil, err
			}
			best = tr.average()
		}
		kept = append(kept, best)
	}
	res.Dev = mean(alone).model(lx, cfg.Options).Score(dev)
	res.Model = mean(kept).model(lx, cfg.Options).pruned()
	return res, nil
}

// run trains for at most epochs passes over the documents, in an order shuffled anew each pass
// by a generator seeded with seed; after each pass it asks more whether to go on.
func (tr *trainer) run(ctx context.Context, seed uint64, epochs int, more func(epoch int) bool) error {
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	order := make([]int, len(tr.docs))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, d := range order {
			if err := ctx.Err(); err != nil {
				return err
			}
			tr.learn(&tr.docs[d])
		}
		if !more(epoch) {
			break
		}
	}
	return nil
}

// trainDoc is a training document with everything that does not change between epochs computed.
type trainDoc struct {
	sents []trainSent
}

type trainSent struct {
	infos []wordInfo
	gold  []label
	feats [][]uint64 // static features per token
}

type trainer struct {
	lex   *Lexicon
	opts  Options
	docs  []trainDoc
	feats *table
	w     []float32
	acc   []float64 // Σ step × update, for the averaged weights w − acc/step
	step  float64

	// scratch of learnSentence
	emit   [][numLabels]float32
	back   [][numLabels]label
	mem    []uint64 // memory features of the sentence's tokens, one after another
	memEnd []int    // where each token's memory features end in mem
}

func newTrainer(lx *Lexicon, opts Options, docs []Document) *trainer {
	tr := &trainer{lex: lx, opts: opts, feats: newTable(1 << 20)}
	var sc scratch
	for _, d := range docs {
		var td trainDoc
		var kinds []sentKind
		for _, s := range d.Sentences {
			if len(s.Tags) != len(s.Words) || len(s.Words) == 0 {
				continue
			}
			infos, kind := lx.prepare(s.Words, &sc)
			td.sents = append(td.sents, trainSent{infos: slices.Clone(infos), gold: bilou(s.Tags)})
			kinds = append(kinds, kind)
		}
		if len(td.sents) == 0 {
			continue
		}
		bySent := make([][]wordInfo, len(td.sents))
		for i, ts := range td.sents {
			bySent[i] = ts.infos
		}
		ctx := documentContexts(bySent)
		for k := range td.sents {
			ts := &td.sents[k]
			for i, in := range ts.infos {
				f := slices.Clone(lx.staticFeatures(sc.feats[:0], ts.infos, i, kinds[k]))
				if in.upper {
					f = append(f, ctx[in.low]...)
				}
				ts.feats = append(ts.feats, f)
			}
		}
		tr.docs = append(tr.docs, td)
	}
	return tr
}

// fresh returns a trainer of the same documents with no weights.
func (tr *trainer) fresh() *trainer {
	return &trainer{lex: tr.lex, opts: tr.opts, docs: tr.docs, feats: newTable(1 << 20)}
}

// learn tags one document with the current weights in both passes, as tagging does, and
// corrects them at every wrong label.
func (tr *trainer) learn(d *trainDoc) {
	mem := make(memory)
	for _, s := range d.sents {
		mem.remember(s.infos, tr.learnSentence(s, mem, false))
	}
	for _, s := range d.sents {
		tr.learnSentence(s, mem, true)
	}
}

// learnSentence labels a sentence with the Viterbi algorithm under the current weights and, when
// the labels differ from the gold ones, moves the weights of the features of every wrong label
// and wrong transition towards the gold ones (Collins's structured perceptron).
func (tr *trainer) learnSentence(s trainSent, mem memory, whole bool) []label {
	n := len(s.gold)
	tr.emit = tr.emit[:0]
	tr.mem, tr.memEnd = tr.mem[:0], tr.memEnd[:0]
	for i, static := range s.feats {
		tr.step++
		start := len(tr.mem)
		tr.mem = memoryFeatures(tr.mem, s.infos[i], mem, whole)
		tr.memEnd = append(tr.memEnd, len(tr.mem))
		var scores [numLabels]float32
		tr.addScores(&scores, static)
		tr.addScores(&scores, tr.mem[start:])
		tr.emit = append(tr.emit, scores)
	}
	var trans transitions[float32]
	for p := range label(numLabels + 1) {
		if r := tr.feats.get(mix(fLabel1, uint64(p))); r >= 0 {
			copy(trans[p][:], tr.w[int(r)*numLabels:int(r+1)*numLabels])
		}
	}
	if cap(tr.back) < n {
		tr.back = make([][numLabels]label, n)
	}
	pred := make([]label, n)
	viterbi(pred, tr.emit, &trans, tr.back[:n], -1e30)
	gp, pp := startLabel, startLabel
	for i, g := range s.gold {
		p := pred[i]
		if g != p {
			start := 0
			if i > 0 {
				start = tr.memEnd[i-1]
			}
			for _, fs := range [2][]uint64{s.feats[i], tr.mem[start:tr.memEnd[i]]} {
				for _, f := range fs {
					r := tr.row(f)
					tr.update(r, g, 1)
					tr.update(r, p, -1)
				}
			}
		}
		if g != p || gp != pp {
			tr.update(tr.row(mix(fLabel1, uint64(gp))), g, 1)
			tr.update(tr.row(mix(fLabel1, uint64(pp))), p, -1)
		}
		gp, pp = g, p
	}
	return pred
}

func (tr *trainer) addScores(scores *[numLabels]float32, feats []uint64) {
	for _, f := range feats {
		if r := tr.feats.get(f); r >= 0 {
			for l, v := range tr.w[int(r)*numLabels : int(r+1)*numLabels] {
				scores[l] += v
			}
		}
	}
}

func (tr *trainer) row(f uint64) int {
	r, added := tr.feats.put(f)
	if added {
		tr.w = append(tr.w, make([]float32, numLabels)...)
		tr.acc = append(tr.acc, make([]float64, numLabels)...)
	}
	return int(r)
}

func (tr *trainer) update(r int, l label, delta float32) {
	i := r*numLabels + int(l)
	tr.w[i] += delta
	tr.acc[i] += tr.step * float64(delta)
}

// averaged are the averaged weights of a perceptron, by feature.
type averaged struct {
	feats *table
	w     []float64
}

// average returns the averaged weights w − acc/step.
func (tr *trainer) average() averaged {
	a := averaged{
		feats: &table{slots: slices.Clone(tr.feats.slots), n: tr.feats.n, shift: tr.feats.shift},
		w:     make([]float64, len(tr.w)),
	}
	for i, v := range tr.w {
		a.w[i] = float64(v) - tr.acc[i]/tr.step
	}
	return a
}

// mean averages the weights of several perceptrons feature by feature.
func mean(as []averaged) averaged {
	if len(as) == 1 {
		return as[0]
	}
	out := averaged{feats: newTable(as[0].feats.n)}
	for _, a := range as {
		for _, s := range a.feats.slots {
			if s.key == 0 {
				continue
			}
			r, added := out.feats.put(s.key)
			if added {
				out.w = append(out.w, make([]float64, numLabels)...)
			}
			for l, v := range a.w[int(s.row)*numLabels : int(s.row+1)*numLabels] {
				out.w[int(r)*numLabels+l] += v / float64(len(as))
			}
		}
	}
	return out
}

// model returns a model of the weights scaled to 16 bits.
func (a averaged) model(lx *Lexicon, opts Options) *Model {
	maxAbs := 0.0
	for _, v := range a.w {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = math.MaxInt16 / maxAbs
	}
	w := make([]int16, len(a.w))
	for i, v := range a.w {
		w[i] = int16(math.Round(v * scale))
	}
	m := &Model{lex: lx, opts: opts, feats: a.feats, w: w}
	m.setTransitions()
	return m
}

// pruned returns the model without the features whose weights are all zero.
func (m *Model) pruned() *Model {
	keep := 0
	for r := range m.feats.n {
		if !allZero(m.w[r*numLabels : (r+1)*numLabels]) {
			keep++
		}
	}
	out := &Model{lex: m.lex, opts: m.opts, feats: newTable(keep), w: make([]int16, 0, keep*numLabels)}
	for _, s := range m.feats.slots {
		if s.key == 0 {
			continue
		}
		row := m.w[int(s.row)*numLabels : int(s.row+1)*numLabels]
		if allZero(row) {
			continue
		}
		out.feats.insert(s.key, int32(out.feats.n))
		out.feats.n++
		out.w = append(out.w, row...)
	}
	out.setTransitions()
	return out
}

func allZero(ws []int16) bool {
	for _, v := range ws {
		if v != 0 {
			return false
		}
	}
	return true
}
