//! The only file I/O: lock file, journal, atomic state writes, CSV.
