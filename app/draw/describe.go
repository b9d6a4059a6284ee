package draw

import "strings"

// AlgorithmText is a draw record's algorithm in Chinese, for the witnesses,
// the dialog and the PDF: its version, as the record names it (the seed is
// made from that name, which stays as it is), and what the version does.
func AlgorithmText(alg string) string {
	version, _, _ := strings.Cut(alg, " (")
	if !strings.HasPrefix(version, "xuncha-draw/") {
		return alg
	}
	text := "种子由算法版本、现场宣读的数值、轮次编码和候选名单的哈希值经 SHA-256 算出；随机数用 ChaCha8；" +
		"每一步在符合全部规则的候选人中均匀抽取一人（有界抽样，以拒绝法消除偏差）"
	if version != "xuncha-draw/1" {
		text += "；各步的候选人以在候选名单中的位置记录"
	}
	return version + "（" + text + "）"
}
