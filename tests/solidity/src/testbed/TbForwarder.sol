// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TbForwarder
/// @notice Test-bed self-test helper: forwards calls (bubbling revert data verbatim) and
///         emits a tagged event, so tests can chain EVM and Stylus frames.
contract TbForwarder {
    event Seen(uint256 indexed tag, address sender);

    /// @notice CALLs `to` with `data` and the attached value; returns its output.
    function forward(address to, bytes calldata data) external payable returns (bytes memory) {
        return _forward(to, data);
    }

    /// @notice STATICCALLs `to` with `data`; returns its output.
    function forwardStatic(address to, bytes calldata data) external view returns (bytes memory) {
        (bool ok, bytes memory out) = to.staticcall(data);
        if (!ok) _bubble(out);
        return out;
    }

    /// @notice Emits `Seen(tag, msg.sender)`, then forwards (nothing when `to` is zero).
    function logAndForward(uint256 tag, address to, bytes calldata data) external returns (bytes memory) {
        emit Seen(tag, msg.sender);
        if (to == address(0)) return "";
        return _forward(to, data);
    }

    function _forward(address to, bytes calldata data) internal returns (bytes memory) {
        (bool ok, bytes memory out) = to.call{value: msg.value}(data);
        if (!ok) _bubble(out);
        return out;
    }

    function _bubble(bytes memory revertData) internal pure {
        assembly {
            revert(add(revertData, 32), mload(revertData))
        }
    }
}
