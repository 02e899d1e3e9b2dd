// Package ner finds the names of people, organisations, places and other named things in text.
//
// It provides a tokenizer that splits text into CoNLL-style tokens with byte offsets (Tokenize,
// Sentences), a tagger (Model) that labels tokens with IOB2 tags for the CoNLL-2003 types PER, ORG,
// LOC and MISC, the training of that tagger (Train) and its scoring with the conlleval conventions
// (Score).
//
// The tagger is an averaged structured perceptron over BILOU labels (Collins 2002): each sentence
// gets the label sequence with the best score under first-order Viterbi decoding, and training
// corrects the weights wherever that sequence departs from the gold one. Labelling a sentence as a
// whole matters with BILOU: a greedy tagger that opens a name on a doubtful word must then drag the
// name on over the words after it. Its features are the word, its lower-cased and shape forms,
// prefixes and suffixes, a window of two words either side, the label before (as transition
// scores), whether the line is a headline in capitals, a dateline or a row of a results table,
// membership of the package's own gazetteers (gazetteer/*.txt: places, nationalities,
// organisations, sports clubs, events, given names and titles), Brown word clusters induced by the
// project from unlabelled news (clusters.txt, see InduceClusters), the words beside the other
// mentions of a capitalised word in the same document (context aggregation), and the labels the
// tagger gave the same word elsewhere in the document. Features are hashed to 64 bits and kept in
// an open-addressing table; the model is stored with 16-bit weights, gzip-compressed, and embedded
// in the binary (model.gz), so Default needs no files at run time.
//
// The model is rebuilt with `dossier train ner` (from the repository root, with ../shared beside
// it), which reads the CoNLL-2003 train and dev files and, for each of four fixed seeds (1 to 4),
// shuffles the documents by that seed and finds the epoch with the best entity F1 on dev; it then
// trains afresh, with the same seed, on train and dev together for that many epochs
// (TrainConfig.Refit), as reported CoNLL-2003 figures commonly are, and writes the average of the
// four models' weights (TrainConfig.Seeds), which is steadier than any one order of the documents.
// Dev figures therefore come from the average of the models trained on train alone (-refit=false);
// test is scored with the written model. It takes about a minute on two cores. The clusters were
// induced once, in about ninety seconds, with
//
//	dossier train clusters -clusters 256 -min-count 3 -conll ../shared/bench/ner/train.txt \
//	    ../shared/bench/quotes/train/docs ../shared/bench/quotes/dev/docs \
//	    ../shared/bench/temporal ../shared/bench/extraction/ground-truth.json
//
// and a model must be trained again whenever clusters.txt or a gazetteer changes: Read refuses a
// model whose recorded checksum of those files differs (ErrStaleModel).
package ner
