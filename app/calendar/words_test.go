package calendar

import (
	"slices"
	"testing"

	"xuncha/model"
)

// TestWordsMatchModel keeps the calendar's copy of model's words in step
// with model (the calendar may not import model itself).
func TestWordsMatchModel(t *testing.T) {
	if !slices.Equal(categories, model.Categories) {
		t.Errorf("categories = %v, model.Categories = %v", categories, model.Categories)
	}
	if roleLeader != model.RoleLeader {
		t.Errorf("roleLeader = %q, model.RoleLeader = %q", roleLeader, model.RoleLeader)
	}
}
