%% spec_fast_paths.erl — the interpreter's specialised and inline paths
%% (docs/performance.md) against their generic fallbacks: small-integer
%% overflow into bignums, floats, mixed operands, errors with their reasons
%% and stack traces, inline guard BIFs, fused instructions, byte-aligned
%% and unaligned bit-syntax matching.
-module(spec_fast_paths).
-export([main/0, id/1]).

id(X) -> X.

%% an error's class and reason, without the stack trace (traces are checked
%% at the end of main/0, outside comprehensions)
-define(T(E), try E catch C_:R_ -> {C_, R_} end).

arith(A, B) ->
    [?T(A + B), ?T(A - B), ?T(A * B), ?T(A / B), ?T(A div B), ?T(A rem B),
     ?T(A band B), ?T(A bor B), ?T(A bxor B), ?T(A bsl B), ?T(A bsr B),
     ?T(A + 1), ?T(A - 1), ?T(1 - A),
     A < B, A >= B, A == B, A =:= B, A =/= B].

values() ->
    [0, 1, -1, 7, -7, 3.5, -0.5, 0.0, 1 bsl 58, -(1 bsl 58), (1 bsl 59) - 1, -(1 bsl 59),
     1 bsl 70, -(1 bsl 70), 59, 60, 64, -3, a, [], {t}, 1.0e300].

tuples(T) ->
    {element(1, T), ?T(element(3, T)), ?T(element(0, T)), tuple_size(T),
     case T of {A, B} -> {two, A, B}; {A, B, C} -> {three, A, B, C}; _ -> other end}.

guards(X) ->
    [if is_tuple(X), element(1, X) =:= a -> tagged; true -> no end,
     if is_map(X), map_get(k, X) =:= 1 -> k1; true -> no end,
     if is_map(X) -> is_map_key(k, X); true -> no end,
     if length(X) > 2 -> long; true -> short end,
     if byte_size(X) > 1 -> big; true -> small end,
     if hd(X) =:= 1 -> one; true -> nohd end,
     if tl(X) =:= [] -> single; true -> notl end,
     if map_size(X) > 0 -> nonempty; true -> nomap end].

nrev([]) -> [];
nrev([H | T]) -> nrev(T) ++ [H].

lists_and_moves(N) ->
    L = lists:seq(1, N),
    {nrev(L), [X * 2 || X <- L, X rem 3 =/= 0], lists:foldl(fun(X, Acc) -> Acc + X end, 0, L)}.

bits(B) ->
    [case B of <<X:8, Rest/binary>> -> {X, Rest}; _ -> nomatch end,
     case B of <<X:16/little, _/binary>> -> X; _ -> short end,
     case B of <<X:32, _/bits>> -> X; _ -> short end,
     case B of <<_:3, X:8, _/bits>> -> X; _ -> short end,
     case B of <<X:24/signed, _/binary>> -> X; _ -> short end,
     [C || <<C/utf8>> <= B],
     byte_size(B)].

select(X) ->
    case X of
        1 -> one; 2 -> two; 3 -> three; 4 -> four; 5 -> five; 6 -> six; 7 -> seven;
        8 -> eight; 9 -> nine; 10 -> ten; a -> atom_a; [] -> nil; 1.0 -> float_one;
        {1} -> tuple; _ -> other
    end.

main() ->
    Vs = id(values()),
    io:format("~p~n", [[{A, B, arith(A, B)} || A <- Vs, B <- Vs]]),
    io:format("~p~n", [[tuples(id(T)) || T <- [{a, b}, {a, b, c}, {x}]]]),
    io:format("~p~n", [?T(tuples(id(x)))]),
    io:format("~p~n", [[guards(id(X)) || X <- [{a, 1}, #{k => 1}, #{}, [1], [1, 2, 3], <<1, 2>>, x]]]),
    io:format("~p~n", [lists_and_moves(id(50))]),
    io:format("~p~n", [[bits(id(B)) || B <- [<<>>, <<1>>, <<1, 2, 3, 4, 5>>, <<"héllo"/utf8>>, <<255, 254, 253, 1:4>>]]]),
    io:format("~p~n", [[select(id(X)) || X <- [1, 5, 10, 11, a, b, [], 1.0, {1}, {2}, 1 bsl 70]]]),
    try id(1 bsl 59) + id(1 bsl 59) of R -> io:format("~p~n", [R]) catch C:E -> io:format("~p~n", [{C, E}]) end,
    try id(a) + 1 catch error:E1:S1 -> io:format("~p ~p~n", [E1, S1]) end,
    try element(id(5), id({a})) catch error:E2:S2 -> io:format("~p ~p~n", [E2, S2]) end,
    try id(1.0e308) * id(10.0) catch error:E3:S3 -> io:format("~p ~p~n", [E3, S3]) end,
    try map_get(id(k), id(#{})) catch error:E4:S4 -> io:format("~p ~p~n", [E4, S4]) end.
