// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./utils/Vm.sol";
import "@abi/IVault.sol";
import "@abi/WeightedPoolUserData.sol";

/// @notice Pins abi/'s enum values and userData layouts to Balancer V2's (the values
///         integrators hard-code), and to src/weighted-pool/src/user_data.rs.
contract AbiTest is TestBase {
    function test_vaultEnumValuesAreV2s() public pure {
        assertEq(uint8(IVault.SwapKind.GIVEN_IN), 0, "GIVEN_IN");
        assertEq(uint8(IVault.SwapKind.GIVEN_OUT), 1, "GIVEN_OUT");
        assertEq(uint8(IVault.PoolSpecialization.GENERAL), 0, "GENERAL");
        assertEq(uint8(IVault.PoolSpecialization.MINIMAL_SWAP_INFO), 1, "MINIMAL_SWAP_INFO");
        assertEq(uint8(IVault.PoolSpecialization.TWO_TOKEN), 2, "TWO_TOKEN");
        assertEq(uint8(IVault.UserBalanceOpKind.DEPOSIT_INTERNAL), 0, "DEPOSIT_INTERNAL");
        assertEq(uint8(IVault.UserBalanceOpKind.WITHDRAW_INTERNAL), 1, "WITHDRAW_INTERNAL");
        assertEq(uint8(IVault.UserBalanceOpKind.TRANSFER_INTERNAL), 2, "TRANSFER_INTERNAL");
        assertEq(uint8(IVault.UserBalanceOpKind.TRANSFER_EXTERNAL), 3, "TRANSFER_EXTERNAL");
    }

    function test_joinUserDataLayoutsAreV2s() public pure {
        uint256[] memory amounts = new uint256[](2);
        amounts[0] = 5;
        amounts[1] = 7;
        assertEq(WeightedPoolUserData.joinInit(amounts), abi.encode(uint256(0), amounts), "INIT");
        assertEq(
            WeightedPoolUserData.joinExactTokensInForBptOut(amounts, 9), abi.encode(uint256(1), amounts, uint256(9)), "EXACT_TOKENS_IN"
        );
        assertEq(
            WeightedPoolUserData.joinTokenInForExactBptOut(11, 1), abi.encode(uint256(2), uint256(11), uint256(1)), "TOKEN_IN_FOR_EXACT_BPT"
        );
        assertEq(WeightedPoolUserData.joinAllTokensInForExactBptOut(13), abi.encode(uint256(3), uint256(13)), "ALL_TOKENS_IN");
    }

    function test_exitUserDataLayoutsAreV2s() public pure {
        uint256[] memory amounts = new uint256[](1);
        amounts[0] = 3;
        assertEq(
            WeightedPoolUserData.exitExactBptInForOneTokenOut(11, 1), abi.encode(uint256(0), uint256(11), uint256(1)), "ONE_TOKEN_OUT"
        );
        assertEq(WeightedPoolUserData.exitExactBptInForTokensOut(13), abi.encode(uint256(1), uint256(13)), "TOKENS_OUT");
        assertEq(
            WeightedPoolUserData.exitBptInForExactTokensOut(amounts, 17), abi.encode(uint256(2), amounts, uint256(17)), "EXACT_TOKENS_OUT"
        );
        assertEq(WeightedPoolUserData.exitRecovery(19), abi.encode(uint256(255), uint256(19)), "RECOVERY");
    }
}
