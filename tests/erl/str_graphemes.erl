-module(str_graphemes).
-export([main/0]).

%% Grapheme clusters: combining marks, CRLF, emoji with modifiers and ZWJ, regional indicators.

main() ->
    Cases = [[$e, 16#301], [$a, 16#308, $b], "\r\n", [$a, $\r, $\n, $b], [16#1F44D, 16#1F3FD],
             [16#1F468, 16#200D, 16#1F469, 16#200D, 16#1F467], [16#1F1F8, 16#1F1EA, 16#1F1EB, 16#1F1EE],
             [16#1100, 16#1161, 16#11A8], [$x, 16#20E3], "plain"],
    [begin
         Gs = string:to_graphemes(C),
         Bin = unicode:characters_to_binary(C),
         io:format("~w: len=~w graphemes=~w bin_len=~w rev=~w~n",
                   [C, string:length(C), Gs, string:length(Bin), string:reverse(C)])
     end || C <- Cases],
    io:format("~w~n", [string:slice([$a, $e, 16#301, $b], 1, 1)]),
    io:format("~w~n", [string:uppercase([$e, 16#301])]),
    io:format("~w~n", [string:next_grapheme([$e, 16#301, $x])]),
    io:format("~w~n", [string:pad([$e, 16#301], 3)]),
    io:format("~w~n", [unicode:characters_to_nfc_list([$e, 16#301])]),
    io:format("~w~n", [unicode:characters_to_nfd_list([233])]),
    io:format("~w~n", [unicode:characters_to_nfkc_list([16#FB01])]),
    io:format("~w~n", [unicode:characters_to_nfkd_binary([16#2460])]),
    io:format("~w~n", [string:equal([233], [$e, 16#301], false, nfc)]),
    ok.
