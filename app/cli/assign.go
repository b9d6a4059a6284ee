package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/draw"
	"xuncha/app/outfile"
)

// runAssign is `xuncha assign`: fill a round's teams (or draw them before
// witnesses), write SPEC §6.3's JSON or a summary in Chinese, and save the
// result as the round's 编组记录 when asked.
func runAssign(env *Env, args []string) error {
	fs := newFlags(env, "assign")
	db := fs.String("db", "", "数据库文件")
	round := fs.String("round", "", "轮次编码")
	mode := fs.String("mode", "", "编组方式：混合编组、成建制交叉 或 本县（默认取轮次的设置）")
	seed := fs.String("seed", "", "种子（同样的数据、设置和种子得到同样的结果）")
	out := fs.String("json", "", "把编组结果写成 JSON 文件")
	save := fs.Bool("save", false, "把结果保存为本轮次的编组记录")
	witness := fs.String("draw", "", "随机抽取：现场宣读的数值（种子由它、轮次和候选名单算出）")
	record := fs.String("record", "", "随机抽取记录的 JSON 文件（与 --draw 同用）")
	suggest := fs.String("suggest", "", "候选替换：组名/角色[/被替换人员编号]，按已保存的编组记录（无则按本次编组）排出候选人")
	if err := parseFlagsOnly(fs, args, need{round, "--round 轮次编码"}); err != nil {
		return err
	}
	switch {
	case *witness != "" && *record == "":
		return usagef("随机抽取须用 --record 指定抽取记录文件")
	case *witness == "" && *record != "":
		return usagef("--record 只用于 --draw")
	case *witness != "" && *seed != "":
		return usagef("随机抽取的种子由 --draw 的现场数值算出，不能再给 --seed")
	case *suggest != "" && (*witness != "" || *save):
		return usagef("--suggest 不能与 --draw 或 --save 同用")
	}
	if *suggest != "" {
		return runSuggest(env, *db, *round, *mode, *seed, *suggest, *out)
	}
	perm := app.PermRead
	if *save || *witness != "" {
		perm = app.PermAssign
	}
	svc, err := env.openWriting(*db, perm, *out, *record)
	if err != nil {
		return err
	}
	defer svc.Close()
	var res *assign.Result
	if *witness != "" {
		var rec *draw.Record
		if res, rec, err = svc.DrawAssign(*round, *mode, *witness); err != nil {
			return err
		}
		b, err := rec.Marshal()
		if err != nil {
			return err
		}
		if err := outfile.WriteBytes(*record, b, outfile.Document); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "随机抽取记录已写出到 %s（候选 %d 人，%d 步；核验：xuncha draw-verify %s）\n",
			*record, len(rec.Candidates), len(rec.Steps), *record)
	} else if res, err = svc.Assign(*round, *mode, *seed); err != nil {
		return err
	}
	if *out != "" {
		if err := writeJSON(*out, res); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写出编组结果到 %s：%s\n", *out, objectiveLine(res))
	} else {
		printAssignment(env.Stdout, res)
	}
	if *save {
		if err := svc.SaveAssignment(res); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已保存为轮次 %s 的编组记录\n", res.Round)
	}
	return nil
}

// writeJSON writes v to path as indented JSON with a final newline.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return outfile.WriteBytes(path, append(b, '\n'), outfile.Document)
}

// objectiveLine sums up how full the round is and how sure that is.
func objectiveLine(res *assign.Result) string {
	o := res.Objective
	s := fmt.Sprintf("共 %d 个名额，已编入 %d 个", o.Slots, o.Filled)
	switch {
	case o.Filled == o.Slots:
		s += "，全部编满"
	case o.Optimal:
		s += fmt.Sprintf("，空缺 %d 个（已证明无法编入更多）", o.Slots-o.Filled)
	default:
		s += fmt.Sprintf("，空缺 %d 个（可编入的上界为 %d，未能证明最优）", o.Slots-o.Filled, o.Bound)
	}
	return s
}

// printAssignment writes the result as a summary in Chinese.
func printAssignment(w io.Writer, res *assign.Result) {
	fmt.Fprintf(w, "轮次 %s（%s）：%s\n", res.Round, res.Mode, objectiveLine(res))
	for _, r := range res.Rotation {
		fmt.Fprintf(w, "  交叉轮换：%s 的巡察组由 %s 人员组成\n", r.Inspected, r.Source)
	}
	unfilled := map[string][]assign.Unfilled{}
	for _, u := range res.Unfilled {
		unfilled[u.Team] = append(unfilled[u.Team], u)
	}
	warned := map[string]int{}
	for _, x := range res.Warnings {
		warned[x.Team]++
	}
	for _, t := range res.Teams {
		var ms []string
		for _, m := range t.Members {
			mark := ""
			if m.Locked {
				mark = "[锁定]"
			}
			ms = append(ms, m.Role+" "+res.Names[m.Person]+"（"+m.Person+"）"+mark)
		}
		fmt.Fprintf(w, "%s（%s，%s）：%s\n", t.Team, t.County, strings.Join(t.Units, "、"), strings.Join(ms, "，"))
		for _, u := range unfilled[t.Team] {
			fmt.Fprintf(w, "  空缺 %s：%s\n", u.Role, u.Reason)
		}
		if n := warned[t.Team]; n > 0 {
			fmt.Fprintf(w, "  提示 %d 条（用 --json 查看）\n", n)
		}
	}
}

// runSuggest is `xuncha assign --suggest TEAM/ROLE[/PERSON]`: the ranked
// candidates for a slot, with the reason for each place (SPEC §10.3), as
// text or as JSON (--json).
func runSuggest(env *Env, db, round, mode, seed, slot, out string) error {
	parts := strings.Split(slot, "/")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" || parts[1] == "" {
		return usagef("--suggest 应为 组名/角色 或 组名/角色/被替换人员编号，现为 %q", slot)
	}
	holder := ""
	if len(parts) == 3 {
		holder = parts[2]
	}
	svc, err := env.openWriting(db, app.PermRead, out)
	if err != nil {
		return err
	}
	defer svc.Close()
	sg, source, err := svc.SuggestSlot(round, mode, seed, parts[0], parts[1], holder)
	if err != nil {
		return err
	}
	if out != "" {
		if err := writeJSON(out, sg); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写出候选替换到 %s（%s，候选 %d 人）\n", out, source, len(sg.Candidates))
		return nil
	}
	opts, err := svc.CountyOptions()
	if err != nil {
		return err
	}
	names := make(map[string]string, len(opts))
	for _, o := range opts {
		names[o.Code] = o.Name
	}
	printSuggestions(env.Stdout, sg, source, names)
	return nil
}

// printSuggestions writes the candidates for a slot as text.
// County codes are shown by name where names has one (城关区, as on the
// 编组 screen).
func printSuggestions(w io.Writer, sg *assign.Suggestions, source string, names map[string]string) {
	what := "空缺"
	if sg.Holder != "" {
		what = "替换 " + sg.Holder
	}
	fmt.Fprintf(w, "候选替换：%s %s（%s；按%s）\n", sg.Team, sg.Role, what, source)
	for _, c := range sg.Candidates {
		county := c.County
		if n := names[county]; n != "" {
			county = n
		}
		fmt.Fprintf(w, "  %d. %s %s（%s）：%s\n", c.Rank, c.Person, c.Name, county, c.Reason)
		for _, h := range c.Hints {
			fmt.Fprintf(w, "       提示 %s\n", h)
		}
	}
	if len(sg.Candidates) == 0 {
		fmt.Fprintln(w, "  没有可担任的人员")
	}
	if sg.More > 0 {
		fmt.Fprintf(w, "  另有 %d 人可担任\n", sg.More)
	}
	if sg.Refused != "" {
		fmt.Fprintf(w, "  %s\n", sg.Refused)
	}
}
