//! The one error type of the crate. Every failure is a typed variant with a stable code,
//! so contracts can map it 1:1 to a Solidity custom error.

/// Why a math function refused its input.
///
/// The numeric codes (`code()`) are stable: new variants get new numbers, existing ones
/// never change. Codes 1..=4 are the Balancer V2 protocol rules; the rest are domain errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathError {
    /// GIVEN_IN amount (after the fee) above 30% of the balance in.
    MaxInRatio,
    /// GIVEN_OUT amount above 30% of the balance out.
    MaxOutRatio,
    /// Single-token exit would shrink the invariant below 0.7x.
    MinInvariantRatio,
    /// Single-token join would grow the invariant above 3x.
    MaxInvariantRatio,
    /// A result or an intermediate value does not fit 256 bits.
    Overflow,
    /// A subtraction would go below zero (e.g. an amount out at or above the balance).
    Underflow,
    /// Division by zero (zero balance, zero supply, zero weight used as divisor, ...).
    ZeroDivision,
    /// Input outside the function's mathematical domain (ln of a non-positive number,
    /// weight or fee above 1e18, log base 1, ...).
    OutOfDomain,
    /// Slices that must have the same length do not, or are empty.
    LengthMismatch,
    /// The invariant would be zero (a zero balance, or balances so small it rounds to 0).
    ZeroInvariant,
    /// The input is so extreme that the rigorous error bound would exceed 2^-64 relative;
    /// refused instead of returning an imprecise value.
    PrecisionLoss,
}

impl MathError {
    /// Stable numeric code of the variant (1-based).
    pub const fn code(self) -> u8 {
        match self {
            MathError::MaxInRatio => 1,
            MathError::MaxOutRatio => 2,
            MathError::MinInvariantRatio => 3,
            MathError::MaxInvariantRatio => 4,
            MathError::Overflow => 5,
            MathError::Underflow => 6,
            MathError::ZeroDivision => 7,
            MathError::OutOfDomain => 8,
            MathError::LengthMismatch => 9,
            MathError::ZeroInvariant => 10,
            MathError::PrecisionLoss => 11,
        }
    }

    /// Short name, the same as the variant (useful for Solidity error names and logs).
    pub const fn name(self) -> &'static str {
        match self {
            MathError::MaxInRatio => "MaxInRatio",
            MathError::MaxOutRatio => "MaxOutRatio",
            MathError::MinInvariantRatio => "MinInvariantRatio",
            MathError::MaxInvariantRatio => "MaxInvariantRatio",
            MathError::Overflow => "Overflow",
            MathError::Underflow => "Underflow",
            MathError::ZeroDivision => "ZeroDivision",
            MathError::OutOfDomain => "OutOfDomain",
            MathError::LengthMismatch => "LengthMismatch",
            MathError::ZeroInvariant => "ZeroInvariant",
            MathError::PrecisionLoss => "PrecisionLoss",
        }
    }
}

impl core::fmt::Display for MathError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Result alias used throughout the crate.
pub type MathResult<T> = Result<T, MathError>;
