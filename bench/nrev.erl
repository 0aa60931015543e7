%% nrev.erl — naive reverse of a 30-element list (the classic LIPS test):
%% list construction and append, repeated.
%% group: sequential
%% args: reps
%% full: 200000
%% quick: 20000
-module(nrev).
-export([main/1]).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

loop(0, _, Acc) -> Acc;
loop(N, L, Acc) ->
    [H | _] = nrev(L),
    loop(N - 1, L, Acc + H).

main([Reps]) ->
    L = lists:seq(1, 30),
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(Reps), L, 0) end),
    bench_lib:report(R, Us).
