//! Weighted-pool math (see README).
#![no_std]
