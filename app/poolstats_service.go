package app

import (
	"xuncha/app/poolstats"
)

// PoolStats counts the pools on opt.Day (SPEC §11.1): see package
// poolstats for who counts and how.
func (s *Service) PoolStats(opt poolstats.Options) (*poolstats.Stats, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, err
	}
	return poolstats.Compute(sn, opt), nil
}

// ExportPoolStats writes the statistics of opt to an xlsx at path.
func (s *Service) ExportPoolStats(path string, opt poolstats.Options) (*poolstats.Stats, error) {
	st, err := s.PoolStats(opt)
	if err != nil {
		return nil, err
	}
	return st, poolstats.WriteXLSX(path, st)
}
