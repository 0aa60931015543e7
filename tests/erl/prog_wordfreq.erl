-module(prog_wordfreq).
-export([main/0]).

%% k-nucleotide style counting with maps over a generated DNA string; sorted frequency tables.

main() ->
    Dna = dna(20000, 42, []),
    [begin
         Counts = count(Dna, K),
         Total = lists:sum(maps:values(Counts)),
         Sorted = lists:sort(fun({A, X}, {B, Y}) -> {Y, A} =< {X, B} end, maps:to_list(Counts)),
         [io:format("~s ~.3f~n", [S, 100 * C / Total]) || {S, C} <- lists:sublist(Sorted, 6)],
         io:format("~n")
     end || K <- [1, 2]],
    [io:format("~w\t~s~n", [maps:get(list_to_binary(S), count(Dna, length(S)), 0), S])
     || S <- ["GGT", "GGTA", "GGTATT", "GGTATTTTAATT"]],
    ok.

dna(0, _, Acc) -> list_to_binary(Acc);
dna(N, S, Acc) ->
    S1 = (S * 3877 + 29573) rem 139968,
    C = case S1 * 100 div 139968 of X when X < 30 -> $A; X when X < 50 -> $C; X when X < 70 -> $G; _ -> $T end,
    dna(N - 1, S1, [C | Acc]).

count(Bin, K) -> count(Bin, K, #{}).
count(Bin, K, Acc) when byte_size(Bin) < K -> Acc;
count(Bin, K, Acc) ->
    <<Key:K/binary, _/binary>> = Bin,
    <<_, Rest/binary>> = Bin,
    count(Rest, K, maps:update_with(Key, fun(C) -> C + 1 end, 1, Acc)).
