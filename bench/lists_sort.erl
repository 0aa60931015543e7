%% lists_sort.erl — lists:sort/1 of a million terms of mixed kinds (integers,
%% floats, atoms, tuples, binaries; term order), and lists:usort/1 of the same.
%% group: sequential
%% args: n
%% full: 1000000
%% quick: 100000
-module(lists_sort).
-export([main/1]).

terms(0, _, Acc) -> Acc;
terms(N, S, Acc) ->
    S1 = bench_lib:lcg(S),
    T = case S1 rem 5 of
            0 -> S1 rem 100000;
            1 -> (S1 rem 100000) / 7;
            2 -> lists:nth(1 + S1 rem 4, [apple, pear, fig, plum]);
            3 -> {S1 rem 100, S1 rem 1000};
            4 -> integer_to_binary(S1 rem 100000)
        end,
    terms(N - 1, S1, [T | Acc]).

main([N]) ->
    L = terms(bench_lib:int(N), 7, []),
    {R, Us} = bench_lib:timed(fun() ->
                                      S = lists:sort(L),
                                      U = lists:usort(L),
                                      {hd(S), lists:last(S), length(U),
                                       erlang:phash2(lists:sublist(S, 1000, 50))}
                              end),
    bench_lib:report(R, Us).
