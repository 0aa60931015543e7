-module(int_bitops).
-export([main/0]).

%% band, bor, bxor, bnot on small/big and negative integers.

main() ->
    Vs = [0, 1, -1, 255, -256, 16#F0F0, 1 bsl 59, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 60,
          (1 bsl 64) - 1, -(1 bsl 64), 16#123456789ABCDEF0123, -16#FEDCBA9876543210FEDCBA],
    [io:format("~w ~w: and=~w or=~w xor=~w~n", [A, B, A band B, A bor B, A bxor B])
     || A <- Vs, B <- Vs, A =< B],
    [io:format("bnot ~w = ~w~n", [A, bnot A]) || A <- Vs],
    io:format("~.16B~n", [16#FFFFFFFFFFFFFFFFFFFF band -16#10000]),
    io:format("~.16B~n", [-1 bxor (1 bsl 100)]),
    io:format("~w~n", [t(fun() -> id(1) band 1.0 end)]),
    io:format("~w~n", [t(fun() -> bnot(id(a)) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
id(X) -> X.
