package cli

import (
	"errors"
	"fmt"

	"xuncha/app"
	"xuncha/app/draw"
)

// runDrawVerify is `xuncha draw-verify record.json`: replay a witnessed
// draw from its record and say whether it matches.
func runDrawVerify(env *Env, args []string) error {
	fs := newFlags(env, "draw-verify")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("需要一个抽取记录文件")
	}
	c, err := app.VerifyDrawFile(pos[0])
	if err != nil {
		return err
	}
	if !c.OK() {
		return errors.New("抽取记录与重放结果不一致：" + c.Err.Error())
	}
	rec := c.Record
	fmt.Fprintf(env.Stdout, "抽取记录一致：轮次 %s，现场数值 %q，候选 %d 人（哈希 %s），%d 步抽中 %d 人，重放结果相同\n",
		rec.Round, rec.Witness, len(rec.Candidates), rec.CandidatesHash, len(rec.Steps), rec.Drawn())
	fmt.Fprintf(env.Stdout, "算法：%s\n", draw.AlgorithmText(rec.Algorithm))
	return nil
}
