-module(tail_calls).
-export([main/0, ext_loop/2]).

%% Tail calls must run in constant stack: 10 million iterations of self, mutual, remote and
%% fun tail recursion.

main() ->
    io:format("~w~n", [count(10000000, 0)]),
    io:format("~w~n", [even(10000001)]),
    io:format("~w~n", [?MODULE:ext_loop(3000000, 0)]),
    Loop = fun L(0, A) -> A; L(N, A) -> L(N - 1, A + 2) end,
    io:format("~w~n", [Loop(3000000, 0)]),
    io:format("~w~n", [apply_loop(1000000, 0)]),
    io:format("~w~n", [case_loop(2000000, 0)]),
    ok.

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

ext_loop(0, A) -> A;
ext_loop(N, A) -> ?MODULE:ext_loop(N - 1, A + 3).

apply_loop(0, A) -> A;
apply_loop(N, A) -> apply(fun apply_loop/2, [N - 1, A + 1]).

case_loop(0, A) -> A;
case_loop(N, A) ->
    case N rem 3 of
        0 -> case_loop(N - 1, A + 1);
        1 -> try_free(N, A);
        _ -> case_loop(N - 1, A)
    end.

try_free(N, A) -> case_loop(N - 1, A + 2).
