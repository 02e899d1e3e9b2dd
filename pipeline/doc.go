// Package pipeline runs the flow for a batch of documents: extract each one into an Article (in
// parallel), recognise duplicates and near-duplicates in input order, and hand each finished record
// to the caller. A document that fails is reported and the run goes on.
package pipeline
