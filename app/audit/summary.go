package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// The audit log keeps the state before and after each change as JSON. The
// viewer (and xuncha audit list) shows a one-line summary of the
// difference, and the viewer the whole of both, indented, in its detail
// panel.

// summaryLimit is the longest summary, in characters.
const summaryLimit = 160

// ChangeSummary says in one line what an entry changed: for two JSON
// objects the fields that differ (姓名：张三→张四), for a new or removed
// object its first fields, for plain text the text.
func ChangeSummary(before, after string) string {
	b, bok := flatJSON(before)
	a, aok := flatJSON(after)
	var s string
	switch {
	case before == "" && after == "":
		return ""
	case bok && aok && shareKeys(b, a):
		s = diffFields(b, a)
	case bok && aok:
		s = "原：" + listFields(b) + "；新：" + listFields(a)
	case before == "" && aok:
		s = "新：" + listFields(a)
	case after == "" && bok:
		s = "原：" + listFields(b)
	case before == "":
		s = oneLine(after)
	case after == "":
		s = "原：" + oneLine(before)
	default:
		s = oneLine(before) + " → " + oneLine(after)
	}
	return clipRunes(s, summaryLimit)
}

// diffFields lists the fields whose values differ, in key order.
func diffFields(b, a map[string]string) string {
	keys := unionKeys(b, a)
	var parts []string
	for _, k := range keys {
		bv, inB := b[k]
		av, inA := a[k]
		if inB && inA && bv == av {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s：%s→%s", k, shown(bv, inB), shown(av, inA)))
	}
	if len(parts) == 0 {
		return "无变化"
	}
	return strings.Join(parts, "；")
}

// shareKeys reports whether two objects have a field in common: whether
// they are two states of one thing rather than two different records.
func shareKeys(a, b map[string]string) bool {
	for k := range a {
		if _, ok := b[k]; ok {
			return true
		}
	}
	return len(a) == 0 || len(b) == 0
}

// listFields lists a few fields of an object.
func listFields(m map[string]string) string {
	keys := unionKeys(m, nil)
	var parts []string
	for _, k := range keys {
		if m[k] == "" {
			continue
		}
		parts = append(parts, k+"="+shown(m[k], true))
		if len(parts) == 6 {
			parts = append(parts, "…")
			break
		}
	}
	return strings.Join(parts, "，")
}

func unionKeys(a, b map[string]string) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// shown is a field's value in a summary: arrays by their length, long
// values cut.
func shown(v string, present bool) string {
	switch {
	case !present:
		return "（无）"
	case v == "" || v == "null":
		return "（空）"
	case strings.HasPrefix(v, "["):
		var items []json.RawMessage
		if json.Unmarshal([]byte(v), &items) == nil {
			return fmt.Sprintf("%d 项", len(items))
		}
	}
	return clipRunes(v, 40)
}

// flatJSON reads a JSON object into its fields, nested objects' fields
// named with dots (Person.Post); arrays and deeper objects stay compact
// JSON. It reports false when s is not a JSON object.
func flatJSON(s string) (map[string]string, bool) {
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return nil, false
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v map[string]any
	if err := d.Decode(&v); err != nil {
		return nil, false
	}
	out := map[string]string{}
	flatten(out, "", v, 0)
	return out, true
}

func flatten(out map[string]string, prefix string, v any, depth int) {
	switch x := v.(type) {
	case map[string]any:
		if depth < 2 {
			for k, e := range x {
				flatten(out, prefix+k+".", e, depth+1)
			}
			return
		}
	case nil:
		out[strings.TrimSuffix(prefix, ".")] = ""
		return
	case string:
		out[strings.TrimSuffix(prefix, ".")] = x
		return
	case json.Number:
		out[strings.TrimSuffix(prefix, ".")] = x.String()
		return
	case bool:
		out[strings.TrimSuffix(prefix, ".")] = map[bool]string{true: "是", false: "否"}[x]
		return
	}
	b, _ := json.Marshal(v)
	out[strings.TrimSuffix(prefix, ".")] = string(b)
}

// PrettyJSON indents JSON for reading; other text comes back as it is.
func PrettyJSON(s string) string {
	if s == "" {
		return "（无）"
	}
	var b bytes.Buffer
	if json.Valid([]byte(s)) && json.Indent(&b, []byte(s), "", "  ") == nil {
		return b.String()
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clipRunes cuts s to n characters, with "…" when it was longer.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
