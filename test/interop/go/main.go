// Command vigil-interop checks Vigil's C2SP artifacts with Go's golang.org/x/mod/sumdb/note and
// golang.org/x/mod/sumdb/tlog: an implementation Vigil did not write. The audit package's
// interop test (packages/audit/test/interop-go.test.ts) builds and runs it.
//
// It reads one JSON object {"checks": [...]} on stdin and writes a JSON array with one result per
// check, in order. Every result has "ok" and, when not ok, "error" (Go's own error text). Hashes
// are standard base64, as in checkpoints. Check kinds:
//
//	note         {vkeys, note}: note.Open with the vkeys; also parses the text as a checkpoint
//	consistency  {oldSize, oldRoot, newSize, newRoot, proof}: tlog.CheckTree
//	inclusion    {size, root, index, leaf, proof}: tlog.CheckRecord
//	tree         {leaves, roots, consistency, inclusion}: Go's own TreeHash, ProveTree and
//	             ProveRecord over the given leaf hashes, for comparison byte for byte
//	witness      {vkeys, oldRoot, body}: what a c2sp.org/tlog-witness does with an add-checkpoint
//	             body: parse it, note.Open the checkpoint, tlog.CheckTree from (old, oldRoot)
//	tlog-proof   {vkeys, proof, leaf}: parses a c2sp.org/tlog-proof@v1 from the spec, note.Open
//	             the checkpoint, tlog.CheckRecord the leaf hash
//
// Built in GOPATH mode against Debian's golang-golang-x-mod-dev, so no module proxy is needed:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o vigil-interop ./test/interop/go
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type check struct {
	Kind string `json:"kind"`

	Vkeys []string `json:"vkeys"`
	Note  string   `json:"note"`

	OldSize int64    `json:"oldSize"`
	OldRoot string   `json:"oldRoot"`
	NewSize int64    `json:"newSize"`
	NewRoot string   `json:"newRoot"`
	Proof   []string `json:"proof"`

	Size  int64  `json:"size"`
	Root  string `json:"root"`
	Index int64  `json:"index"`
	Leaf  string `json:"leaf"`

	Leaves      []string   `json:"leaves"`
	Roots       []int64    `json:"roots"`
	Consistency [][2]int64 `json:"consistency"`
	Inclusion   [][2]int64 `json:"inclusion"`

	Body      string `json:"body"`
	ProofText string `json:"proofText"`
}

type result map[string]interface{}

func main() {
	var in struct {
		Checks []check `json:"checks"`
	}
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "vigil-interop: reading checks:", err)
		os.Exit(2)
	}
	out := make([]result, 0, len(in.Checks))
	for _, c := range in.Checks {
		out = append(out, run(c))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "vigil-interop: writing results:", err)
		os.Exit(2)
	}
}

func run(c check) result {
	switch c.Kind {
	case "note":
		return openCheckpoint(c.Note, c.Vkeys)
	case "consistency":
		return checkTree(c)
	case "inclusion":
		return checkRecord(c)
	case "tree":
		return tree(c)
	case "witness":
		return witness(c)
	case "tlog-proof":
		return tlogProof(c)
	}
	return fail(fmt.Errorf("unknown check kind %q", c.Kind))
}

func fail(err error) result { return result{"ok": false, "error": err.Error()} }

func verifiers(vkeys []string) (note.Verifiers, error) {
	var list []note.Verifier
	for _, k := range vkeys {
		v, err := note.NewVerifier(k)
		if err != nil {
			return nil, fmt.Errorf("note.NewVerifier(%q): %w", k, err)
		}
		list = append(list, v)
	}
	return note.VerifierList(list...), nil
}

// openCheckpoint opens a signed checkpoint with Go's note package and parses its body as
// c2sp.org/tlog-checkpoint specifies.
func openCheckpoint(msg string, vkeys []string) result {
	known, err := verifiers(vkeys)
	if err != nil {
		return fail(err)
	}
	n, err := note.Open([]byte(msg), known)
	if err != nil {
		return fail(err)
	}
	var sigs []string
	for _, s := range n.Sigs {
		sigs = append(sigs, fmt.Sprintf("%s+%08x", s.Name, s.Hash))
	}
	r := result{"ok": true, "text": n.Text, "sigs": sigs, "unverified": len(n.UnverifiedSigs)}
	origin, size, hash, err := parseCheckpoint(n.Text)
	if err != nil {
		r["checkpointError"] = err.Error()
	} else {
		r["checkpoint"] = result{"origin": origin, "size": size, "root": hash.String()}
	}
	return r
}

// parseCheckpoint follows c2sp.org/tlog-checkpoint: origin, decimal size without leading zeros,
// base64 root hash, then optional non-empty extension lines, each line ending in a newline.
func parseCheckpoint(text string) (string, int64, tlog.Hash, error) {
	malformed := func(why string) (string, int64, tlog.Hash, error) {
		return "", 0, tlog.Hash{}, errors.New("malformed checkpoint: " + why)
	}
	if !strings.HasSuffix(text, "\n") {
		return malformed("no final newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 {
		return malformed("fewer than 3 lines")
	}
	for _, l := range lines {
		if l == "" {
			return malformed("empty line")
		}
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return malformed("bad tree size")
	}
	hash, err := tlog.ParseHash(lines[2])
	if err != nil {
		return malformed("bad root hash")
	}
	return lines[0], size, hash, nil
}

func hashes(list []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(list))
	for i, s := range list {
		h, err := tlog.ParseHash(s)
		if err != nil {
			return nil, fmt.Errorf("hash %d: %w", i, err)
		}
		out = append(out, h)
	}
	return out, nil
}

func checkTree(c check) result {
	oldRoot, err1 := tlog.ParseHash(c.OldRoot)
	newRoot, err2 := tlog.ParseHash(c.NewRoot)
	proof, err3 := hashes(c.Proof)
	if err := firstError(err1, err2, err3); err != nil {
		return fail(err)
	}
	if err := tlog.CheckTree(proof, c.NewSize, newRoot, c.OldSize, oldRoot); err != nil {
		return fail(err)
	}
	return result{"ok": true}
}

func checkRecord(c check) result {
	root, err1 := tlog.ParseHash(c.Root)
	leaf, err2 := tlog.ParseHash(c.Leaf)
	proof, err3 := hashes(c.Proof)
	if err := firstError(err1, err2, err3); err != nil {
		return fail(err)
	}
	if err := tlog.CheckRecord(proof, c.Size, root, c.Index, leaf); err != nil {
		return fail(err)
	}
	return result{"ok": true}
}

// tree stores the leaf hashes the way the Go checksum database does (StoredHashesForRecordHash)
// and asks Go's tlog for roots and proofs.
func tree(c check) result {
	leaves, err := hashes(c.Leaves)
	if err != nil {
		return fail(err)
	}
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			if x < 0 || x >= int64(len(stored)) {
				return nil, fmt.Errorf("no stored hash %d", x)
			}
			out[i] = stored[x]
		}
		return out, nil
	})
	for i, leaf := range leaves {
		more, err := tlog.StoredHashesForRecordHash(int64(i), leaf, reader)
		if err != nil {
			return fail(err)
		}
		stored = append(stored, more...)
	}
	var roots []string
	for _, n := range c.Roots {
		h, err := tlog.TreeHash(n, reader)
		if err != nil {
			return fail(err)
		}
		roots = append(roots, h.String())
	}
	var consistency [][]string
	for _, mn := range c.Consistency {
		p, err := tlog.ProveTree(mn[1], mn[0], reader)
		if err != nil {
			return fail(fmt.Errorf("ProveTree(%d, %d): %w", mn[1], mn[0], err))
		}
		consistency = append(consistency, strs(p))
	}
	var inclusion [][]string
	for _, in := range c.Inclusion {
		p, err := tlog.ProveRecord(in[1], in[0], reader)
		if err != nil {
			return fail(fmt.Errorf("ProveRecord(%d, %d): %w", in[1], in[0], err))
		}
		inclusion = append(inclusion, strs(p))
	}
	return result{"ok": true, "roots": roots, "consistency": consistency, "inclusion": inclusion}
}

func strs(list []tlog.Hash) []string {
	out := make([]string, 0, len(list))
	for _, h := range list {
		out = append(out, h.String())
	}
	return out
}

// witness follows c2sp.org/tlog-witness add-checkpoint for a witness whose stored state is
// (oldSize from the body, oldRoot), except that it keeps no state.
func witness(c check) result {
	body := c.Body
	oldLine, rest, ok := strings.Cut(body, "\n")
	if !ok || !strings.HasPrefix(oldLine, "old ") {
		return fail(errors.New("400: no old line"))
	}
	old, err := strconv.ParseInt(strings.TrimPrefix(oldLine, "old "), 10, 64)
	if err != nil || old < 0 || strconv.FormatInt(old, 10) != strings.TrimPrefix(oldLine, "old ") {
		return fail(errors.New("400: bad old size"))
	}
	var proof []tlog.Hash
	for {
		line, more, ok := strings.Cut(rest, "\n")
		if !ok {
			return fail(errors.New("400: no blank line before the checkpoint"))
		}
		rest = more
		if line == "" {
			break
		}
		if len(proof) == 63 {
			return fail(errors.New("400: more than 63 proof lines"))
		}
		h, err := tlog.ParseHash(line)
		if err != nil {
			return fail(fmt.Errorf("400: proof line: %w", err))
		}
		proof = append(proof, h)
	}
	opened := openCheckpoint(rest, c.Vkeys)
	if opened["ok"] != true {
		return fail(fmt.Errorf("403: %v", opened["error"]))
	}
	cp, ok := opened["checkpoint"].(result)
	if !ok {
		return fail(fmt.Errorf("400: %v", opened["checkpointError"]))
	}
	size := cp["size"].(int64)
	root, _ := tlog.ParseHash(cp["root"].(string))
	oldRoot, err := tlog.ParseHash(c.OldRoot)
	if err != nil {
		return fail(err)
	}
	empty := tlog.Hash(sha256.Sum256(nil))
	switch {
	case old > size:
		return fail(errors.New("400: old size is larger than the checkpoint's"))
	case size == 0 && root != empty:
		return fail(errors.New("422: a tree of size 0 must have the empty root"))
	case old == 0:
		// tlog.CheckTree refuses size 0; the witness spec says the empty tree needs no proof.
		if len(proof) != 0 {
			return fail(errors.New("422: non-empty proof from size 0"))
		}
	default:
		if err := tlog.CheckTree(proof, size, root, old, oldRoot); err != nil {
			return fail(fmt.Errorf("422: %w", err))
		}
	}
	return result{"ok": true, "size": size}
}

// tlogProof parses a c2sp.org/tlog-proof@v1 as its spec describes and verifies it with Go.
func tlogProof(c check) result {
	leaf, err := tlog.ParseHash(c.Leaf)
	if err != nil {
		return fail(err)
	}
	rest := c.ProofText
	next := func() (string, bool) {
		line, more, ok := strings.Cut(rest, "\n")
		if ok {
			rest = more
		}
		return line, ok
	}
	if line, ok := next(); !ok || line != "c2sp.org/tlog-proof@v1" {
		return fail(errors.New("malformed tlog proof: header"))
	}
	line, ok := next()
	if ok && strings.HasPrefix(line, "extra ") {
		if _, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(line, "extra ")); err != nil {
			return fail(errors.New("malformed tlog proof: extra"))
		}
		line, ok = next()
	}
	indexText := strings.TrimPrefix(line, "index ")
	index, err := strconv.ParseInt(indexText, 10, 64)
	if !ok || !strings.HasPrefix(line, "index ") || err != nil || index < 0 || strconv.FormatInt(index, 10) != indexText {
		return fail(errors.New("malformed tlog proof: index"))
	}
	var proof tlog.RecordProof
	for {
		line, ok := next()
		if !ok {
			return fail(errors.New("malformed tlog proof: no blank line"))
		}
		if line == "" {
			break
		}
		h, err := tlog.ParseHash(line)
		if err != nil {
			return fail(errors.New("malformed tlog proof: proof line"))
		}
		proof = append(proof, h)
	}
	opened := openCheckpoint(rest, c.Vkeys)
	if opened["ok"] != true {
		return fail(fmt.Errorf("%v", opened["error"]))
	}
	cp, ok := opened["checkpoint"].(result)
	if !ok {
		return fail(fmt.Errorf("%v", opened["checkpointError"]))
	}
	root, _ := tlog.ParseHash(cp["root"].(string))
	if err := tlog.CheckRecord(proof, cp["size"].(int64), root, index, leaf); err != nil {
		return fail(err)
	}
	return result{"ok": true, "index": index, "origin": cp["origin"]}
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
