package cli

// PLACEHOLDER: replaced by the implementation of "xuncha template".
func runTemplate(env *Env, args []string) error { return usagef("尚未实现") }
