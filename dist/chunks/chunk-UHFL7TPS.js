import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-LO576U3G.js";
import {
  CPU_NANOS,
  DEFAULT_THRESHOLDS,
  IDLE_FRAME,
  INTERVAL_LEVEL,
  ProfileBuilder,
  SAMPLES_COUNT,
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  benjaminiHochberg,
  bigEnough,
  countValueIndex,
  diffProfiles,
  environmentFingerprint,
  environmentWarnings,
  formatFrame,
  functionKey,
  functionTable,
  gateByTestFiles,
  idleValue,
  isPseudo,
  normalQuantile,
  poissonRatioTest,
  readTestWalls,
  restrictToCommonTests,
  samplesByTest,
  selfByFunction,
  selfByTestFile,
  speedFactor,
  studentTQuantile,
  tOrNormalTwoSided,
  testKey,
  testStats,
  testWallsMeta,
  timeValueIndex,
  topBySelf
} from "./chunk-7RNPVIBQ.js";
import {
  contextMeta,
  sanitizeJobKey
} from "./chunk-JMR3DNJM.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-ZHB73YNC.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path8 = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path8.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path8.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path8.resolve(
            path8.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path8.basename(
              this._scriptPath,
              path8.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path8.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short2) => /^-\d$/.test(short2))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path8.basename(filename, path8.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path9) {
        if (path9 === void 0) return this._executableDir;
        this._executableDir = path9;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/ci/git.ts
import { execFileSync } from "node:child_process";
function git(cwd, args) {
  try {
    const out = execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 1e4 }).trim();
    return out || void 0;
  } catch {
    return void 0;
  }
}
function localGitFacts(cwd) {
  const root = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!root) return {};
  const commit = git(cwd, ["rev-parse", "HEAD"]);
  const branch = git(cwd, ["symbolic-ref", "--short", "-q", "HEAD"]);
  const upstream = git(cwd, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
  const mergeBase = upstream ? git(cwd, ["merge-base", "HEAD", "@{upstream}"]) : void 0;
  return { root, commit, branch, upstream, mergeBase };
}

// src/ci/detect.ts
import { readFileSync } from "node:fs";
var nonEmpty = (v) => v && v.trim() !== "" ? v : void 0;
var int = (v) => {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : void 0;
};
function github(env, opts) {
  let event = {};
  const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
  if (eventPath) {
    try {
      event = (opts.readEvent ?? ((p) => JSON.parse(readFileSync(p, "utf8"))))(eventPath);
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  const prFromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com";
  const repo = nonEmpty(env.GITHUB_REPOSITORY);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  return {
    provider: "github",
    // On pull_request events GITHUB_SHA is a synthetic merge commit nobody else knows;
    // the PR head is the commit people talk about and later runs can find.
    commit: pr?.head?.sha ?? nonEmpty(env.GITHUB_SHA),
    branch: nonEmpty(env.GITHUB_HEAD_REF) ?? nonEmpty(env.GITHUB_REF_NAME),
    baseBranch: nonEmpty(env.GITHUB_BASE_REF) ?? pr?.base?.ref,
    baseCommit: pr?.base?.sha,
    pr: pr?.number ?? event.number ?? int(prFromRef),
    repository: repo,
    serverUrl: server,
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId,
    runUrl: repo && runId ? `${server}/${repo}/actions/runs/${runId}` : void 0,
    runnerOs: nonEmpty(env.RUNNER_OS),
    runnerName: nonEmpty(env.RUNNER_NAME),
    jobKeyParts: [env.GITHUB_WORKFLOW ?? "", env.GITHUB_JOB ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function gitlab(env) {
  return {
    provider: "gitlab",
    commit: nonEmpty(env.CI_COMMIT_SHA),
    branch: nonEmpty(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME) ?? nonEmpty(env.CI_COMMIT_BRANCH) ?? nonEmpty(env.CI_COMMIT_REF_NAME),
    baseBranch: nonEmpty(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) ?? nonEmpty(env.CI_DEFAULT_BRANCH),
    baseCommit: nonEmpty(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
    pr: int(env.CI_MERGE_REQUEST_IID),
    repository: nonEmpty(env.CI_PROJECT_PATH),
    serverUrl: nonEmpty(env.CI_SERVER_URL),
    workflow: nonEmpty(env.CI_PIPELINE_NAME) ?? nonEmpty(env.CI_PIPELINE_SOURCE),
    // parallel:matrix jobs carry their matrix values in the job name ("test: [20, linux]").
    job: nonEmpty(env.CI_JOB_NAME),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId: nonEmpty(env.CI_PIPELINE_ID),
    runUrl: nonEmpty(env.CI_JOB_URL) ?? nonEmpty(env.CI_PIPELINE_URL),
    runnerOs: nonEmpty(env.CI_RUNNER_EXECUTABLE_ARCH),
    runnerName: nonEmpty(env.CI_RUNNER_DESCRIPTION),
    jobKeyParts: [env.CI_JOB_NAME ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function circleci(env) {
  const prUrl = nonEmpty(env.CIRCLE_PULL_REQUEST);
  const user = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
  return {
    provider: "circleci",
    commit: nonEmpty(env.CIRCLE_SHA1),
    branch: nonEmpty(env.CIRCLE_BRANCH),
    baseBranch: nonEmpty(env.CIPROF_BASE_BRANCH),
    pr: int(/\/pull\/(\d+)/.exec(prUrl ?? "")?.[1]) ?? int(env.CIRCLE_PR_NUMBER),
    repository: user && name ? `${user}/${name}` : void 0,
    workflow: nonEmpty(env.CIRCLE_WORKFLOW_ID),
    job: nonEmpty(env.CIRCLE_JOB),
    matrix: nonEmpty(env.CIPROF_MATRIX) ?? (int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : void 0),
    runId: nonEmpty(env.CIRCLE_BUILD_NUM),
    runUrl: nonEmpty(env.CIRCLE_BUILD_URL),
    runnerName: nonEmpty(env.CIRCLE_NODE_INDEX) ? `node ${env.CIRCLE_NODE_INDEX}` : void 0,
    // The workflow id changes per run; the job name (and parallel index) does not.
    jobKeyParts: [env.CIRCLE_JOB ?? "", env.CIPROF_MATRIX ?? "", int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : ""]
  };
}
function buildkite(env) {
  const prRaw = env.BUILDKITE_PULL_REQUEST;
  return {
    provider: "buildkite",
    commit: nonEmpty(env.BUILDKITE_COMMIT),
    branch: nonEmpty(env.BUILDKITE_BRANCH),
    baseBranch: nonEmpty(env.BUILDKITE_PULL_REQUEST_BASE_BRANCH) ?? nonEmpty(env.BUILDKITE_PIPELINE_DEFAULT_BRANCH),
    pr: prRaw && prRaw !== "false" ? int(prRaw) : void 0,
    repository: nonEmpty(env.BUILDKITE_REPO),
    workflow: nonEmpty(env.BUILDKITE_PIPELINE_SLUG),
    job: nonEmpty(env.BUILDKITE_STEP_KEY) ?? nonEmpty(env.BUILDKITE_LABEL),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId: nonEmpty(env.BUILDKITE_BUILD_NUMBER),
    runUrl: nonEmpty(env.BUILDKITE_BUILD_URL),
    runnerName: nonEmpty(env.BUILDKITE_AGENT_NAME),
    jobKeyParts: [env.BUILDKITE_PIPELINE_SLUG ?? "", env.BUILDKITE_STEP_KEY ?? env.BUILDKITE_LABEL ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function detectCi(env = process.env, opts = {}) {
  let found;
  if (env.GITHUB_ACTIONS === "true") found = github(env, opts);
  else if (env.GITLAB_CI === "true") found = gitlab(env);
  else if (env.CIRCLECI === "true") found = circleci(env);
  else if (env.BUILDKITE === "true") found = buildkite(env);
  else found = { provider: "local", jobKeyParts: ["local"] };
  const facts = opts.git ?? localGitFacts(opts.cwd ?? process.cwd());
  found.commit ??= facts.commit;
  found.branch ??= facts.branch;
  if (found.provider === "local") {
    found.baseBranch ??= facts.upstream;
    found.baseCommit ??= facts.mergeBase;
  }
  if (!found.runnerOs && found.provider === "local") found.runnerOs = process.platform;
  const { jobKeyParts, ...ctx } = found;
  const explicit = nonEmpty(env.CIPROF_JOB_KEY);
  const jobKey = sanitizeJobKey(explicit ?? jobKeyParts.filter(Boolean).join("/"));
  return { ...ctx, jobKey };
}

// src/diff/diff-report.ts
import { readFileSync as readFileSync2 } from "node:fs";
var DIFF_REPORT_SCHEMA = "ciprof.diff/1";
var KEPT_NOISE_ROWS = 200;
function serializeDiffReport(report) {
  const diff = report.diff ? { ...report.diff, functions: report.diff.functions.filter((r, i) => r.status === "regression" || r.status === "improvement" || i < KEPT_NOISE_ROWS) } : void 0;
  return `${JSON.stringify({ ...report, diff }, (_k, v) => typeof v === "number" && !Number.isFinite(v) ? null : v, 2)}
`;
}
function parseDiffReport(text, file = "diff report") {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: invalid JSON (${err.message})`);
  }
  if (!data || data.schema !== DIFF_REPORT_SCHEMA) throw new Error(`${file}: not a ciprof diff report (schema ${DIFF_REPORT_SCHEMA} expected)`);
  const revive = (r) => {
    if (r.selfDeltaPct === null) r.selfDeltaPct = r.base.selfNs > 0 ? 0 : Infinity;
  };
  if (data.diff) {
    data.diff.functions.forEach(revive);
    data.diff.regressions.forEach(revive);
    data.diff.improvements.forEach(revive);
  }
  data.changedPaths ??= [];
  data.links ??= {};
  return data;
}
function readDiffReport(file) {
  return parseDiffReport(readFileSync2(file, "utf8"), file);
}

// src/baseline/history.ts
var LocalGitHistory = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  resolve(refOrCommit) {
    return git(this.cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${refOrCommit}^{commit}`]);
  }
  mergeBase(a, b) {
    return git(this.cwd, ["merge-base", "--end-of-options", a, b]);
  }
  firstParentChain(commit, limit) {
    const out = git(this.cwd, ["rev-list", "--first-parent", `--max-count=${limit}`, "--end-of-options", commit]);
    return out ? out.split("\n").filter(Boolean) : [];
  }
};

// src/collect/attribution.ts
import { readFileSync as readFileSync4 } from "node:fs";
import * as path3 from "node:path";

// src/collect/agent-path.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function distFile(name) {
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../${name}`, import.meta.url), new URL(`../../dist/${name}`, import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error(`cannot find ${name} next to ciprof (run npm run build)`);
}
var agentPath = () => distFile("agent.cjs");

// src/collect/node-options.ts
function quoteNodeOption(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
}
function withPreload(existing, preloadPath) {
  const flag = `--require ${quoteNodeOption(preloadPath)}`;
  const current = (existing ?? "").trim();
  if (current.includes(flag)) return current;
  return current ? `${current} ${flag}` : flag;
}

// src/collect/test-labeler.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import * as path2 from "node:path";

// src/profile/paths.ts
import * as path from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function normalizeScriptPath(url, repoRoot) {
  if (!url) return "";
  let p = url;
  if (p.startsWith("file://")) {
    try {
      p = fileURLToPath2(p.split(/[?#]/, 1)[0]);
    } catch {
      return url;
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
    return p;
  }
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) return p.slice(nm + 1);
  if (path.isAbsolute(p) && repoRoot) {
    const rel = path.relative(repoRoot, p);
    if (!rel.startsWith("..") && !path.isAbsolute(rel)) return rel.split(path.sep).join("/");
  }
  return p;
}

// src/collect/test-record.ts
var TESTS_SUFFIX = ".tests.jsonl";

// src/collect/test-labeler.ts
var SETUP_FILE = "(setup)";
var SETUP_LABELS = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });
function readTestRecords(rawDir, repoRoot) {
  const byThread = /* @__PURE__ */ new Map();
  const warnings = [];
  let names = [];
  try {
    names = readdirSync(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${err.message}`);
  }
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = /* @__PURE__ */ new Map();
    const list = [];
    let bad = 0;
    for (const line of readFileSync3(path2.join(rawDir, name), "utf8").split("\n")) {
      if (!line) continue;
      let r;
      try {
        r = JSON.parse(line);
        if (typeof r.startUs !== "number" || typeof r.file !== "string") throw new Error("bad record");
      } catch {
        bad++;
        continue;
      }
      const id = `${r.kind}\0${r.file}\0${r.name}\0${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh = {
        kind: r.kind === "file" ? "file" : "test",
        file: normalizeScriptPath(r.file, repoRoot),
        name: r.name ?? "",
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        status: r.status
      };
      list.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped`);
    list.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list);
  }
  return { byThread, warnings };
}
function containing(list, t) {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (list[mid].startUs <= t) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (list[i].endUs > t) return list[i];
  }
  return void 0;
}
function closeOpen(list) {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i];
    if (cur.endUs !== Infinity) continue;
    for (let j = i + 1; j < list.length; j++) {
      const next = list[j];
      if (next.kind === cur.kind && (cur.kind === "file" || !next.name.startsWith(cur.name + " > "))) {
        cur.endUs = next.startUs;
        break;
      }
    }
  }
}
function makeLabelerFor(records) {
  const prepared = /* @__PURE__ */ new Map();
  for (const [key, list] of records.byThread) {
    closeOpen(list);
    prepared.set(key, { tests: list.filter((i) => i.kind === "test"), files: list.filter((i) => i.kind === "file") });
  }
  return (info) => {
    const mine = prepared.get(`${info.pid}-${info.threadId}`);
    if (!mine) return () => SETUP_LABELS;
    const cache = /* @__PURE__ */ new Map();
    const labelsOf = (i) => {
      let l = cache.get(i);
      if (!l) {
        l = i.kind === "test" ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
        cache.set(i, l);
      }
      return l;
    };
    return (t) => {
      const test = containing(mine.tests, t);
      if (test) return labelsOf(test);
      const file = containing(mine.files, t);
      return file ? labelsOf(file) : SETUP_LABELS;
    };
  };
}
function testWalls(records) {
  const out = /* @__PURE__ */ new Map();
  for (const list of records.byThread.values()) {
    for (const i of list) {
      if (i.kind !== "test") continue;
      const key = testKey(i.file, i.name);
      const prev = out.get(key);
      const status = i.status === "running" ? "unknown" : i.status;
      if (prev) {
        prev.wallMs = prev.wallMs === null || i.wallMs === null ? null : prev.wallMs + i.wallMs;
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, status });
    }
  }
  return out;
}

// src/collect/attribution.ts
var isNode = (token) => /^node(\.exe)?$/.test(path3.basename(token));
function runnerOfToken(token) {
  const base = path3.basename(token);
  if (base === "jest" || /[\\/]jest(-cli)?[\\/]bin[\\/]jest(\.js)?$/.test(token)) return "jest";
  if (base === "mocha" || base === "_mocha" || /[\\/]mocha[\\/]bin[\\/]_?mocha(\.js)?$/.test(token)) return "mocha";
  if (base === "vitest" || /[\\/]vitest[\\/]vitest\.mjs$/.test(token)) return "vitest";
  return void 0;
}
function recognizeRunner(command) {
  for (let i = 0; i < command.length; i++) {
    const token = command[i];
    const runner = runnerOfToken(token);
    if (runner) return { runner, index: i };
    if ((token === "--test" || token.startsWith("--test=")) && command.slice(0, i).some(isNode)) return { runner: "node-test", index: i };
  }
  return void 0;
}
function recognizeFromPackageScript(command, cwd) {
  const [tool, ...rest] = command;
  if (!tool || !["npm", "yarn", "pnpm"].includes(path3.basename(tool))) return void 0;
  const args = rest[0] === "run" || rest[0] === "run-script" ? rest.slice(1) : rest;
  const script = args[0] === "t" ? "test" : args[0];
  if (!script) return void 0;
  try {
    const pkg = JSON.parse(readFileSync4(path3.join(cwd, "package.json"), "utf8"));
    const body = pkg.scripts?.[script];
    const found = body ? recognizeRunner(body.split(/\s+/)) : void 0;
    return found ? { runner: found.runner, index: -1 } : void 0;
  } catch {
    return void 0;
  }
}
function setupAttribution(command, opts) {
  const shellLine = command.length === 1 && /\s/.test(command[0]) ? command[0] : void 0;
  const tokens = shellLine ? shellLine.trim().split(/\s+/) : command;
  const found = recognizeRunner(tokens) ?? recognizeFromPackageScript(tokens, opts.cwd);
  if (!found) {
    return { notice: "per-test attribution off: test runner not recognised (jest, mocha, vitest, node --test); whole-suite profile only" };
  }
  let hook;
  try {
    hook = distFile(`runners/${found.runner}.cjs`);
  } catch (err) {
    return { notice: `per-test attribution off: ${err.message}` };
  }
  let runCommand2 = command;
  const env = {};
  if (found.runner === "mocha") {
    if (found.index < 0) return { notice: "per-test attribution off: mocha needs to be on the ciprof command line (not behind a package script) to add its root hooks" };
    if (shellLine) {
      const word = tokens[found.index];
      const at = shellLine.search(new RegExp(`(^|\\s)${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=\\s|$)`));
      const end = shellLine.indexOf(word, at) + word.length;
      runCommand2 = [`${shellLine.slice(0, end)} --require ${JSON.stringify(hook)}${shellLine.slice(end)}`];
    } else runCommand2 = [...command.slice(0, found.index + 1), "--require", hook, ...command.slice(found.index + 1)];
  } else {
    env.NODE_OPTIONS = withPreload(opts.env.NODE_OPTIONS, hook);
  }
  let labeler;
  let walls;
  let warned = false;
  const warnOnce = (line) => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  return {
    attribution: {
      runner: found.runner,
      command: runCommand2,
      env,
      prepare: (rawDir) => {
        try {
          const records = readTestRecords(rawDir, opts.repoRoot);
          for (const w of records.warnings) warnOnce(w);
          if (records.byThread.size === 0) warnOnce(`per-test attribution: no ${found.runner} test was recorded; samples are labelled "(setup)"`);
          labeler = makeLabelerFor(records);
          walls = testWalls(records);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
        }
      },
      labelerFor: (info) => {
        try {
          return labeler?.(info);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
          return void 0;
        }
      },
      tests: (profile) => testStats(profile, { walls }),
      walls: () => walls,
      finish: () => {
        labeler = void 0;
      }
    }
  };
}

// src/collect/summary.ts
var ms = (ns) => Math.round(ns / 1e4) / 100;
function summarize(profile, gathered, base, topN = 10) {
  const table = functionTable(profile);
  const idle = idleValue(table);
  const cpu = table.total - idle;
  return {
    ...base,
    cpuMs: ms(cpu),
    idleMs: ms(idle),
    samples: table.totalSamples,
    processes: gathered.processes,
    threads: gathered.threads.length,
    lostThreads: gathered.lost.length,
    unprofiledProcesses: gathered.unprofilable.length,
    meta: profile.meta,
    top: topBySelf(table, topN).map((s) => ({
      name: s.frame.name,
      file: s.frame.file,
      line: s.frame.line,
      selfMs: ms(s.self),
      totalMs: ms(s.total),
      selfPct: cpu > 0 ? Math.round(s.self / cpu * 1e3) / 10 : 0
    }))
  };
}
function formatSummaryText(s) {
  const lines = [];
  const lost = s.lostThreads ? `, ${s.lostThreads} lost (killed before writing)` : "";
  lines.push(
    `ciprof: ${s.processes} process(es), ${s.threads} thread(s) profiled${lost}; wall ${(s.wallMs / 1e3).toFixed(2)} s, CPU ${(s.cpuMs / 1e3).toFixed(2)} s (+${(s.idleMs / 1e3).toFixed(2)} s idle), ${s.samples} samples`
  );
  if (s.unprofiledProcesses) {
    lines.push(`ciprof: ${s.unprofiledProcesses} process(es) ran without an inspector and were not profiled (node --test's orchestrating parent does; its test files' processes are profiled)`);
  }
  if (s.top.length) {
    lines.push("ciprof: top functions by self CPU time:");
    const width = Math.max(...s.top.map((t) => t.selfMs.toFixed(1).length));
    for (const t of s.top) {
      lines.push(`  ${t.selfMs.toFixed(1).padStart(width)} ms ${t.selfPct.toFixed(1).padStart(5)}%  ${formatFrame(t)}`);
    }
  }
  if (s.tests?.length) {
    lines.push(`ciprof: slowest tests (of ${s.tests.length}), wall / CPU:`);
    for (const t of s.tests.slice(0, 5)) {
      const wall = t.wallMs === null ? "      ?" : `${t.wallMs.toFixed(1).padStart(7)}`;
      const hot = t.top[0] ? `  [${t.top[0].name} ${t.top[0].selfMs.toFixed(1)} ms]` : "";
      lines.push(`  ${wall} ms / ${t.cpuMs.toFixed(1).padStart(7)} ms  ${t.file} > ${t.name}${hot}`);
    }
  }
  if (s.profile) lines.push(`ciprof: profile written to ${s.profile}${s.storedAs ? ` (stored as ${s.storedAs})` : ""}`);
  if (s.report) lines.push(`ciprof: HTML report written to ${s.report}`);
  return lines.join("\n");
}

// src/collect/profile-command.ts
import { mkdirSync as mkdirSync2, mkdtempSync, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
import * as path6 from "node:path";

// src/profile/gzip.ts
import { gzipSync } from "node:zlib";

// node_modules/pprof-format/dist/esm/index.js
var __classPrivateFieldGet = function(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _StringTable_encodings;
var _StringTable_positions;
var lowMaxBig = 2n ** 32n - 1n;
var lowMax = 2 ** 32 - 1;
var lowMaxPlus1 = lowMax + 1;
var toUtf8 = typeof Buffer === "undefined" ? (value) => new TextEncoder().encode(value) : (value) => Buffer.from(value, "utf8");
function countNumberBytes(buffer) {
  if (!buffer.length)
    return 0;
  let i = 0;
  while (i < buffer.length && buffer[i++] >= 128)
    ;
  return i;
}
function decodeBigNumber(buffer) {
  if (!buffer.length)
    return BigInt(0);
  let value = BigInt(buffer[0] & 127);
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= BigInt(buffer[i] & 127) << BigInt(7 * i);
  }
  return value;
}
function makeValue(value, offset = 0) {
  return { value, offset };
}
function getValue(mode, buffer) {
  switch (mode) {
    case kTypeVarInt:
      for (let i = 0; i < buffer.length; i++) {
        if (!(buffer[i] & 128)) {
          return makeValue(buffer.subarray(0, i + 1));
        }
      }
      return makeValue(buffer);
    case kTypeLengthDelim: {
      const offset = countNumberBytes(buffer);
      const size = decodeNumber(buffer);
      return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
    }
    default:
      throw new Error(`Unrecognized value type: ${mode}`);
  }
}
function lowBits(number) {
  return typeof number !== "bigint" ? (number >>> 0) % lowMaxPlus1 : Number(number & lowMaxBig);
}
function highBits(number) {
  return typeof number !== "bigint" ? number / lowMaxPlus1 >>> 0 : Number(number >> 32n & lowMaxBig);
}
function long(number) {
  const sign = number < 0;
  if (sign)
    number = -number;
  let lo = lowBits(number);
  let hi = highBits(number);
  if (sign) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > lowMax) {
      lo = 0;
      if (++hi > lowMax) {
        hi = 0;
      }
    }
  }
  return [hi, lo];
}
var kTypeVarInt = 0;
var kTypeLengthDelim = 2;
function decodeNumber(buffer) {
  const size = countNumberBytes(buffer);
  if (size > 4)
    return decodeBigNumber(buffer);
  if (!buffer.length)
    return 0;
  let value = buffer[0] & 127;
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= (buffer[i] & 127) << 7 * i;
  }
  return value;
}
function decodeNumbers(buffer) {
  const values = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i++) {
    if ((buffer[i] & 128) === 0) {
      values.push(decodeNumber(buffer.subarray(start, i + 1)));
      start = i + 1;
    }
  }
  return values;
}
function push(value, list) {
  if (list == null) {
    return [value];
  }
  list.push(value);
  return list;
}
function pushAll(values, list) {
  if (list == null) {
    return values;
  }
  for (const value of values) {
    list.push(value);
  }
  return list;
}
function measureNumber(number) {
  if (number === 0 || number === 0n)
    return 0;
  const [hi, lo] = long(number);
  const a = lo;
  const b = (lo >>> 28 | hi << 4) >>> 0;
  const c = hi >>> 24;
  if (c !== 0) {
    return c < 128 ? 9 : 10;
  }
  if (b !== 0) {
    if (b < 16384) {
      return b < 128 ? 5 : 6;
    }
    return b < 2097152 ? 7 : 8;
  }
  if (a < 16384) {
    return a < 128 ? 1 : 2;
  }
  return a < 2097152 ? 3 : 4;
}
function measureValue(value) {
  if (typeof value === "undefined")
    return 0;
  if (typeof value === "number" || typeof value === "bigint") {
    return measureNumber(value) || 1;
  }
  return value.length;
}
function measureArray(list) {
  let size = 0;
  for (const item of list) {
    size += measureValue(item);
  }
  return size;
}
function measureNumberField(number) {
  const length = measureNumber(number);
  return length ? 1 + length : 0;
}
function measureNumberArrayField(values) {
  let total = 0;
  for (const value of values) {
    total += measureNumber(value) || 1;
  }
  return total ? 1 + measureNumber(total) + total : 0;
}
function measureLengthDelimField(value) {
  const length = measureValue(value);
  return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values) {
  let total = 0;
  for (const value of values) {
    total += measureLengthDelimField(value);
  }
  return total;
}
function encodeNumber(buffer, i, number) {
  if (number === 0 || number === 0n) {
    buffer[i++] = 0;
    return i;
  }
  let [hi, lo] = long(number);
  while (hi) {
    buffer[i++] = lo & 127 | 128;
    lo = (lo >>> 7 | hi << 25) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    buffer[i++] = lo & 127 | 128;
    lo = lo >>> 7;
  }
  buffer[i++] = lo;
  return i;
}
var emptyTableToken = /* @__PURE__ */ Symbol();
var StringTable = class _StringTable {
  constructor(tok) {
    this.strings = new Array();
    _StringTable_encodings.set(this, new Array());
    _StringTable_positions.set(this, /* @__PURE__ */ new Map());
    if (tok !== emptyTableToken) {
      this.dedup("");
    }
  }
  get encodedLength() {
    let size = 0;
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      size += encoded.length;
    }
    return size;
  }
  _encodeToBuffer(buffer, offset) {
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      buffer.set(encoded, offset);
      offset += encoded.length;
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.encodedLength)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static _encodeStringFromUtf8(stringBuffer) {
    const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
    let offset = 0;
    buffer[offset++] = 50;
    offset = encodeNumber(buffer, offset, stringBuffer.length);
    if (stringBuffer.length > 0) {
      buffer.set(stringBuffer, offset);
    }
    return buffer;
  }
  static _encodeString(string) {
    return _StringTable._encodeStringFromUtf8(toUtf8(string));
  }
  dedup(string) {
    if (typeof string === "number")
      return string;
    if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string)) {
      const pos = this.strings.push(string) - 1;
      __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, pos);
      __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeString(string));
    }
    return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string);
  }
  _decodeString(buffer) {
    const string = new TextDecoder().decode(buffer);
    __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, this.strings.push(string) - 1);
    __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeStringFromUtf8(buffer));
  }
};
_StringTable_encodings = /* @__PURE__ */ new WeakMap(), _StringTable_positions = /* @__PURE__ */ new WeakMap();
function decode(buffer, decoder) {
  const data = {};
  let index = 0;
  while (index < buffer.length) {
    const field = buffer[index] >> 3;
    const mode = buffer[index] & 7;
    index++;
    const { offset, value } = getValue(mode, buffer.subarray(index));
    index += value.length + offset;
    decoder(data, field, value);
  }
  return data;
}
var ValueType = class _ValueType {
  static create(data) {
    return data instanceof _ValueType ? data : new _ValueType(data);
  }
  constructor(data) {
    this.type = data.type || 0;
    this.unit = data.unit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.type);
    total += measureNumberField(this.unit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.type) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.type);
    }
    if (this.unit) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.unit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.type = decodeNumber(buffer);
        break;
      case 2:
        data.unit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Label = class _Label {
  static create(data) {
    return data instanceof _Label ? data : new _Label(data);
  }
  constructor(data) {
    this.key = data.key || 0;
    this.str = data.str || 0;
    this.num = data.num || 0;
    this.numUnit = data.numUnit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.key);
    total += measureNumberField(this.str);
    total += measureNumberField(this.num);
    total += measureNumberField(this.numUnit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.key) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.key);
    }
    if (this.str) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.str);
    }
    if (this.num) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.num);
    }
    if (this.numUnit) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.numUnit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.key = decodeNumber(buffer);
        break;
      case 2:
        data.str = decodeNumber(buffer);
        break;
      case 3:
        data.num = decodeNumber(buffer);
        break;
      case 4:
        data.numUnit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Sample = class _Sample {
  static create(data) {
    return data instanceof _Sample ? data : new _Sample(data);
  }
  constructor(data) {
    this.locationId = data.locationId || [];
    this.value = data.value || [];
    this.label = (data.label || []).map(Label.create);
  }
  get length() {
    let total = 0;
    total += measureNumberArrayField(this.locationId);
    total += measureNumberArrayField(this.value);
    total += measureLengthDelimArrayField(this.label);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.locationId.length) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, measureArray(this.locationId));
      for (const locationId of this.locationId) {
        offset = encodeNumber(buffer, offset, locationId);
      }
    }
    if (this.value.length) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, measureArray(this.value));
      for (const value of this.value) {
        offset = encodeNumber(buffer, offset, value);
      }
    }
    for (const label of this.label) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, label.length);
      offset = label._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
        break;
      case 2:
        data.value = pushAll(decodeNumbers(buffer), data.value);
        break;
      case 3:
        data.label = push(Label.decode(buffer), data.label);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Mapping = class _Mapping {
  static create(data) {
    return data instanceof _Mapping ? data : new _Mapping(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.memoryStart = data.memoryStart || 0;
    this.memoryLimit = data.memoryLimit || 0;
    this.fileOffset = data.fileOffset || 0;
    this.filename = data.filename || 0;
    this.buildId = data.buildId || 0;
    this.hasFunctions = !!data.hasFunctions;
    this.hasFilenames = !!data.hasFilenames;
    this.hasLineNumbers = !!data.hasLineNumbers;
    this.hasInlineFrames = !!data.hasInlineFrames;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.memoryStart);
    total += measureNumberField(this.memoryLimit);
    total += measureNumberField(this.fileOffset);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.buildId);
    total += measureNumberField(this.hasFunctions ? 1 : 0);
    total += measureNumberField(this.hasFilenames ? 1 : 0);
    total += measureNumberField(this.hasLineNumbers ? 1 : 0);
    total += measureNumberField(this.hasInlineFrames ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.memoryStart) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.memoryStart);
    }
    if (this.memoryLimit) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.memoryLimit);
    }
    if (this.fileOffset) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.fileOffset);
    }
    if (this.filename) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.buildId) {
      buffer[offset++] = 48;
      offset = encodeNumber(buffer, offset, this.buildId);
    }
    if (this.hasFunctions) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasFilenames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasLineNumbers) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasInlineFrames) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.memoryStart = decodeNumber(buffer);
        break;
      case 3:
        data.memoryLimit = decodeNumber(buffer);
        break;
      case 4:
        data.fileOffset = decodeNumber(buffer);
        break;
      case 5:
        data.filename = decodeNumber(buffer);
        break;
      case 6:
        data.buildId = decodeNumber(buffer);
        break;
      case 7:
        data.hasFunctions = !!decodeNumber(buffer);
        break;
      case 8:
        data.hasFilenames = !!decodeNumber(buffer);
        break;
      case 9:
        data.hasLineNumbers = !!decodeNumber(buffer);
        break;
      case 10:
        data.hasInlineFrames = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Line = class _Line {
  static create(data) {
    return data instanceof _Line ? data : new _Line(data);
  }
  constructor(data) {
    this.functionId = data.functionId || 0;
    this.line = data.line || 0;
    this.column = data.column || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.functionId);
    total += measureNumberField(this.line);
    total += measureNumberField(this.column);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.functionId) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.functionId);
    }
    if (this.line) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.line);
    }
    if (this.column) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.column);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.functionId = decodeNumber(buffer);
        break;
      case 2:
        data.line = decodeNumber(buffer);
        break;
      case 3:
        data.column = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Location = class _Location {
  static create(data) {
    return data instanceof _Location ? data : new _Location(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.mappingId = data.mappingId || 0;
    this.address = data.address || 0;
    this.line = (data.line || []).map(Line.create);
    this.isFolded = !!data.isFolded;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.mappingId);
    total += measureNumberField(this.address);
    total += measureLengthDelimArrayField(this.line);
    total += measureNumberField(this.isFolded ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.mappingId) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.mappingId);
    }
    if (this.address) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.address);
    }
    for (const line of this.line) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, line.length);
      offset = line._encodeToBuffer(buffer, offset);
    }
    if (this.isFolded) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.mappingId = decodeNumber(buffer);
        break;
      case 3:
        data.address = decodeNumber(buffer);
        break;
      case 4:
        data.line = push(Line.decode(buffer), data.line);
        break;
      case 5:
        data.isFolded = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Function = class _Function {
  static create(data) {
    return data instanceof _Function ? data : new _Function(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.name = data.name || 0;
    this.systemName = data.systemName || 0;
    this.filename = data.filename || 0;
    this.startLine = data.startLine || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.name);
    total += measureNumberField(this.systemName);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.startLine);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.name) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.name);
    }
    if (this.systemName) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.systemName);
    }
    if (this.filename) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.startLine) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.startLine);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.name = decodeNumber(buffer);
        break;
      case 3:
        data.systemName = decodeNumber(buffer);
        break;
      case 4:
        data.filename = decodeNumber(buffer);
        break;
      case 5:
        data.startLine = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Profile = class {
  constructor(data = {}) {
    this.sampleType = (data.sampleType || []).map(ValueType.create);
    this.sample = (data.sample || []).map(Sample.create);
    this.mapping = (data.mapping || []).map(Mapping.create);
    this.location = (data.location || []).map(Location.create);
    this.function = (data.function || []).map(Function.create);
    this.stringTable = data.stringTable || new StringTable();
    this.dropFrames = data.dropFrames || 0;
    this.keepFrames = data.keepFrames || 0;
    this.timeNanos = data.timeNanos || 0;
    this.durationNanos = data.durationNanos || 0;
    this.periodType = data.periodType ? ValueType.create(data.periodType) : void 0;
    this.period = data.period || 0;
    this.comment = data.comment || [];
    this.defaultSampleType = data.defaultSampleType || 0;
    this.docUrl = data.docUrl || 0;
  }
  get length() {
    let total = 0;
    total += measureLengthDelimArrayField(this.sampleType);
    total += measureLengthDelimArrayField(this.sample);
    total += measureLengthDelimArrayField(this.mapping);
    total += measureLengthDelimArrayField(this.location);
    total += measureLengthDelimArrayField(this.function);
    total += this.stringTable.encodedLength;
    total += measureNumberField(this.dropFrames);
    total += measureNumberField(this.keepFrames);
    total += measureNumberField(this.timeNanos);
    total += measureNumberField(this.durationNanos);
    total += measureLengthDelimField(this.periodType);
    total += measureNumberField(this.period);
    total += measureNumberArrayField(this.comment);
    total += measureNumberField(this.defaultSampleType);
    total += measureNumberField(this.docUrl);
    return total;
  }
  _encodeSampleTypesToBuffer(buffer, offset = 0) {
    for (const sampleType of this.sampleType) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, sampleType.length);
      offset = sampleType._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeSamplesToBuffer(buffer, offset = 0) {
    for (const sample of this.sample) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, sample.length);
      offset = sample._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeMappingsToBuffer(buffer, offset = 0) {
    for (const mapping of this.mapping) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, mapping.length);
      offset = mapping._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeLocationsToBuffer(buffer, offset = 0) {
    for (const location of this.location) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, location.length);
      offset = location._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeFunctionsToBuffer(buffer, offset = 0) {
    for (const fun of this.function) {
      buffer[offset++] = 42;
      offset = encodeNumber(buffer, offset, fun.length);
      offset = fun._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeBasicValuesToBuffer(buffer, offset = 0) {
    if (this.dropFrames) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, this.dropFrames);
    }
    if (this.keepFrames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, this.keepFrames);
    }
    if (this.timeNanos) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, this.timeNanos);
    }
    if (this.durationNanos) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, this.durationNanos);
    }
    if (typeof this.periodType !== "undefined") {
      buffer[offset++] = 90;
      offset = encodeNumber(buffer, offset, this.periodType.length);
      offset = this.periodType._encodeToBuffer(buffer, offset);
    }
    if (this.period) {
      buffer[offset++] = 96;
      offset = encodeNumber(buffer, offset, this.period);
    }
    if (this.comment.length) {
      buffer[offset++] = 106;
      offset = encodeNumber(buffer, offset, measureArray(this.comment));
      for (const comment of this.comment) {
        offset = encodeNumber(buffer, offset, comment);
      }
    }
    if (this.defaultSampleType) {
      buffer[offset++] = 112;
      offset = encodeNumber(buffer, offset, this.defaultSampleType);
    }
    if (this.docUrl) {
      buffer[offset++] = 120;
      offset = encodeNumber(buffer, offset, this.docUrl);
    }
    return offset;
  }
  _encodeToBuffer(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  async _encodeToBufferAsync(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  async encodeAsync(buffer = new Uint8Array(this.length)) {
    await this._encodeToBufferAsync(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.sampleType = push(ValueType.decode(buffer), data.sampleType);
        break;
      case 2:
        data.sample = push(Sample.decode(buffer), data.sample);
        break;
      case 3:
        data.mapping = push(Mapping.decode(buffer), data.mapping);
        break;
      case 4:
        data.location = push(Location.decode(buffer), data.location);
        break;
      case 5:
        data.function = push(Function.decode(buffer), data.function);
        break;
      case 6: {
        if (data.stringTable === void 0) {
          data.stringTable = new StringTable(emptyTableToken);
        }
        data.stringTable._decodeString(buffer);
        break;
      }
      case 7:
        data.dropFrames = decodeNumber(buffer);
        break;
      case 8:
        data.keepFrames = decodeNumber(buffer);
        break;
      case 9:
        data.timeNanos = decodeNumber(buffer);
        break;
      case 10:
        data.durationNanos = decodeNumber(buffer);
        break;
      case 11:
        data.periodType = ValueType.decode(buffer);
        break;
      case 12:
        data.period = decodeNumber(buffer);
        break;
      case 13:
        data.comment = pushAll(decodeNumbers(buffer), data.comment);
        break;
      case 14:
        data.defaultSampleType = decodeNumber(buffer);
        break;
      case 15:
        data.docUrl = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};

// src/profile/pprof.ts
function encodePprof(profile) {
  const strings = new StringTable();
  const vt = (t) => new ValueType({ type: strings.dedup(t.type), unit: strings.dedup(t.unit) });
  const functions = profile.functions.map(
    (f, i) => new Function({
      id: i + 1,
      name: strings.dedup(f.name),
      systemName: strings.dedup(f.name),
      filename: strings.dedup(f.file),
      startLine: f.line
    })
  );
  const locations = profile.functions.map((f, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: f.line })] }));
  const samples = profile.samples.map((s) => {
    const label = [];
    for (const [key, value] of Object.entries(s.labels)) {
      label.push(
        typeof value === "number" ? new Label({ key: strings.dedup(key), num: value }) : new Label({ key: strings.dedup(key), str: strings.dedup(value) })
      );
    }
    return new Sample({ locationId: s.stack.map((id) => id + 1), value: s.values.map(Math.round), label });
  });
  const comment = Object.entries(profile.meta).map(([k, v]) => strings.dedup(`${k}=${v}`));
  const out = new Profile({
    sampleType: profile.sampleTypes.map(vt),
    periodType: vt(profile.periodType),
    period: Math.round(profile.period),
    function: functions,
    location: locations,
    sample: samples,
    timeNanos: Math.round(profile.timeNanos),
    durationNanos: Math.round(profile.durationNanos),
    comment,
    stringTable: strings
  });
  return out.encode();
}
var num = (n) => n === void 0 ? 0 : Number(n);
function decodePprof(bytes) {
  let p;
  try {
    p = Profile.decode(bytes);
  } catch (err) {
    throw new Error(`not a pprof profile (${err.message})`);
  }
  const str = (i) => {
    const s = p.stringTable.strings[num(i)];
    if (s === void 0) throw new Error(`not a pprof profile (string index ${num(i)} out of range)`);
    return s;
  };
  if (p.sampleType.length === 0) throw new Error("not a pprof profile (no sample types)");
  const sampleTypes = p.sampleType.map((t) => ({ type: str(t.type), unit: str(t.unit) }));
  const periodType = p.periodType ? { type: str(p.periodType.type), unit: str(p.periodType.unit) } : sampleTypes[sampleTypes.length - 1];
  const builder = new ProfileBuilder(sampleTypes, periodType, num(p.period));
  builder.timeNanos = num(p.timeNanos);
  builder.durationNanos = num(p.durationNanos);
  const functionIds = /* @__PURE__ */ new Map();
  for (const f of p.function) functionIds.set(num(f.id), builder.functionId(str(f.name), str(f.filename), num(f.startLine)));
  const locationFrames = /* @__PURE__ */ new Map();
  for (const loc of p.location) {
    const frames = [];
    for (const line of loc.line) {
      const fid = functionIds.get(num(line.functionId));
      if (fid === void 0) throw new Error(`not a pprof profile (location ${num(loc.id)} names unknown function ${num(line.functionId)})`);
      frames.push(fid);
    }
    locationFrames.set(num(loc.id), frames);
  }
  for (const s of p.sample) {
    const stack = [];
    for (const id of s.locationId) {
      const frames = locationFrames.get(num(id));
      if (!frames) throw new Error(`not a pprof profile (sample names unknown location ${num(id)})`);
      stack.push(...frames);
    }
    if (s.value.length !== sampleTypes.length) throw new Error(`not a pprof profile (sample has ${s.value.length} values for ${sampleTypes.length} types)`);
    const labels = {};
    for (const l of s.label) labels[str(l.key)] = num(l.str) !== 0 ? str(l.str) : num(l.num);
    builder.addSample(stack, s.value.map(num), labels);
  }
  for (const c of p.comment) {
    const text = str(c);
    const eq = text.indexOf("=");
    if (eq > 0) builder.meta[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return builder.build();
}

// src/profile/gzip.ts
function encodePprofGzip(profile) {
  return gzipSync(encodePprof(profile), { level: 6 });
}

// src/store/local.ts
import { appendFileSync, existsSync as existsSync2, mkdirSync, readdirSync as readdirSync2, readFileSync as readFileSync5, renameSync, statSync, writeFileSync } from "node:fs";
import * as path4 from "node:path";
var COMMIT_RE = /^[0-9a-f]{4,64}$/i;
var LocalStore = class {
  constructor(root) {
    this.root = root;
  }
  root;
  kind = "local";
  async put(entry, pprofGzip) {
    const jobKey = sanitizeJobKey(entry.jobKey);
    const commit = this.checkCommit(entry.commit);
    const dir = path4.join(this.root, jobKey, commit);
    mkdirSync(dir, { recursive: true });
    const createdAt = (/* @__PURE__ */ new Date()).toISOString();
    const name = `${createdAt.replace(/[:.]/g, "-")}-${process.pid}.pb.gz`;
    const file = path4.join(dir, name);
    writeFileSync(`${file}.tmp`, pprofGzip);
    renameSync(`${file}.tmp`, file);
    const stored = { id: file, jobKey, commit, createdAt, ...entry.branch ? { branch: entry.branch } : {} };
    appendFileSync(path4.join(this.root, jobKey, "index.jsonl"), `${JSON.stringify({ ...stored, id: path4.relative(this.root, file) })}
`);
    return stored;
  }
  async find(jobKey, commit) {
    const key = sanitizeJobKey(jobKey);
    const dir = path4.join(this.root, key, this.checkCommit(commit));
    if (!existsSync2(dir)) return [];
    return readdirSync2(dir).filter((f) => f.endsWith(".pb.gz")).map((f) => {
      const file = path4.join(dir, f);
      return { id: file, jobKey: key, commit, createdAt: statSync(file).mtime.toISOString() };
    }).sort((a, b) => b.id.localeCompare(a.id));
  }
  async get(entry) {
    return readFileSync5(entry.id);
  }
  /** Every commit with a profile for this job key, from the index (oldest first). */
  commits(jobKey) {
    const index = path4.join(this.root, sanitizeJobKey(jobKey), "index.jsonl");
    if (!existsSync2(index)) return [];
    const seen = /* @__PURE__ */ new Set();
    for (const line of readFileSync5(index, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        seen.add(JSON.parse(line).commit);
      } catch {
      }
    }
    return [...seen];
  }
  checkCommit(commit) {
    if (!COMMIT_RE.test(commit)) throw new Error(`local store: "${commit}" is not a commit id`);
    return commit.toLowerCase();
  }
};

// src/collect/gather.ts
import { readdirSync as readdirSync3, readFileSync as readFileSync7 } from "node:fs";
import * as path5 from "node:path";

// src/profile/cpuprofile.ts
function checkCpuProfile(value) {
  const p = value;
  if (!p || typeof p !== "object" || !Array.isArray(p.nodes)) throw new Error('not a V8 CPU profile (no "nodes" array)');
  if (p.nodes.length === 0) throw new Error("V8 CPU profile has no nodes");
  if (typeof p.startTime !== "number" || typeof p.endTime !== "number") throw new Error("V8 CPU profile has no startTime/endTime");
  for (const n of p.nodes) {
    if (!n || typeof n.id !== "number" || !n.callFrame || typeof n.callFrame !== "object") {
      throw new Error("V8 CPU profile has a node without id or callFrame");
    }
  }
  if (p.samples && (!Array.isArray(p.timeDeltas) || p.timeDeltas.length !== p.samples.length)) {
    throw new Error(`V8 CPU profile has ${p.samples.length} samples but ${p.timeDeltas?.length ?? 0} timeDeltas`);
  }
}
function addCpuProfile(builder, cpu, options) {
  let maxId = 0;
  for (const n of cpu.nodes) if (n.id > maxId) maxId = n.id;
  if (maxId > cpu.nodes.length * 4 + 1024) throw new Error(`V8 CPU profile node ids are not dense (max ${maxId} for ${cpu.nodes.length} nodes)`);
  const byId = new Array(maxId + 1);
  for (const n of cpu.nodes) byId[n.id] = n;
  const parentOf = new Int32Array(maxId + 1).fill(-1);
  for (const n of cpu.nodes) {
    if (n.children) {
      for (const c of n.children) if (c >= 0 && c <= maxId) parentOf[c] = n.id;
    }
  }
  for (const n of cpu.nodes) if (!n.children && n.parent !== void 0 && parentOf[n.id] === -1) parentOf[n.id] = n.parent;
  const trieNodes = new Int32Array(maxId + 1).fill(-1);
  const frameIds = /* @__PURE__ */ new Map();
  const pathCache = /* @__PURE__ */ new Map();
  const functionOf = (frame) => {
    const key = `${frame.scriptId ?? frame.url}:${frame.lineNumber}:${frame.columnNumber ?? -1}:${frame.functionName}`;
    let fid = frameIds.get(key);
    if (fid === void 0) {
      let file = pathCache.get(frame.url);
      if (file === void 0) {
        file = normalizeScriptPath(frame.url, options.repoRoot);
        pathCache.set(frame.url, file);
      }
      const line = frame.lineNumber >= 0 ? frame.lineNumber + 1 : 0;
      fid = builder.functionId(frame.functionName || "(anonymous)", file, line);
      frameIds.set(key, fid);
    }
    return fid;
  };
  const chain = [];
  const trieNodeOf = (id) => {
    const cached = trieNodes[id];
    if (cached >= 0) return cached;
    chain.length = 0;
    let cur = id;
    while (cur >= 0 && trieNodes[cur] < 0) {
      chain.push(cur);
      cur = parentOf[cur];
    }
    let parent = cur >= 0 ? trieNodes[cur] : 0;
    for (let i = chain.length - 1; i >= 0; i--) {
      const nodeId = chain[i];
      const frame = byId[nodeId].callFrame;
      if (parentOf[nodeId] === -1 && frame.functionName === "(root)") {
        trieNodes[nodeId] = 0;
        continue;
      }
      parent = builder.childNode(parent, functionOf(frame));
      trieNodes[nodeId] = parent;
    }
    return trieNodes[id];
  };
  const baseLabels = options.labels ?? {};
  const stats = { samples: 0, totalNs: 0, startUs: cpu.startTime, endUs: cpu.endTime };
  const countIdx = builder.sampleTypes.findIndex((t) => t.unit === "count");
  const timeIdx = builder.sampleTypes.findIndex((t) => t.unit === "nanoseconds");
  const values = new Array(builder.sampleTypes.length).fill(0);
  const emit = (nodeId, count, ns, labels) => {
    if (nodeId < 0 || nodeId > maxId || !byId[nodeId]) return;
    values.fill(0);
    if (countIdx >= 0) values[countIdx] = count;
    if (timeIdx >= 0) values[timeIdx] = ns;
    builder.addSampleAt(trieNodeOf(nodeId), values, labels);
    stats.samples += count;
    stats.totalNs += ns;
  };
  if (cpu.samples && cpu.timeDeltas) {
    const n = cpu.samples.length;
    const timestamps = new Float64Array(n);
    let t = cpu.startTime;
    for (let i = 0; i < n; i++) {
      t += cpu.timeDeltas[i];
      timestamps[i] = t;
    }
    if (options.labelAt) {
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? timestamps[i + 1] : cpu.endTime;
        const ns = Math.max(0, next - timestamps[i]) * 1e3;
        const extra = options.labelAt(timestamps[i]);
        emit(cpu.samples[i], 1, ns, extra ? { ...baseLabels, ...extra } : baseLabels);
      }
    } else {
      const counts = /* @__PURE__ */ new Map();
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? timestamps[i + 1] : cpu.endTime;
        const ns = Math.max(0, next - timestamps[i]) * 1e3;
        const id = cpu.samples[i];
        const acc = counts.get(id);
        if (acc) {
          acc[0] += 1;
          acc[1] += ns;
        } else counts.set(id, [1, ns]);
      }
      for (const [id, [count, ns]] of counts) emit(id, count, ns, baseLabels);
    }
  } else {
    const hits = cpu.nodes.reduce((s, node) => s + (node.hitCount ?? 0), 0);
    const perHitNs = hits > 0 ? (cpu.endTime - cpu.startTime) * 1e3 / hits : 0;
    for (const node of cpu.nodes) if (node.hitCount) emit(node.id, node.hitCount, node.hitCount * perHitNs, baseLabels);
  }
  return stats;
}

// src/profile/read.ts
import { readFileSync as readFileSync6 } from "node:fs";
import { gunzipSync } from "node:zlib";

// src/profile/errors.ts
var ProfileInputError = class extends Error {
  constructor(file, problem) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.name = "ProfileInputError";
  }
  file;
};

// src/profile/read.ts
var DEFAULT_MAX_INPUT_BYTES = 512 * 1024 * 1024;
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139;
}
function gunzipCapped(bytes, maxBytes = DEFAULT_MAX_INPUT_BYTES) {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const e = err;
    if (e.code === "ERR_BUFFER_TOO_LARGE" || /Cannot create a Buffer larger|buffer.*too large/i.test(e.message)) {
      throw new Error(`decompresses to more than ${maxBytes} bytes (refused: possible decompression bomb)`);
    }
    throw new Error(`corrupt or truncated gzip (${e.message})`);
  }
}
function parseProfileBytes(file, raw, maxBytes = DEFAULT_MAX_INPUT_BYTES) {
  try {
    if (raw.length === 0) throw new Error("empty file");
    const bytes = isGzip(raw) ? gunzipCapped(raw, maxBytes) : raw;
    if (bytes.length === 0) throw new Error("empty after decompression");
    let first = 0;
    while (first < bytes.length && (bytes[first] === 32 || bytes[first] === 10 || bytes[first] === 13 || bytes[first] === 9)) first++;
    if (bytes[first] === 123) {
      let json;
      try {
        json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
      } catch (err) {
        throw new Error(`invalid JSON (${err.message})`);
      }
      checkCpuProfile(json);
      return { kind: "cpuprofile", cpu: json };
    }
    return { kind: "pprof", profile: decodePprof(bytes) };
  } catch (err) {
    if (err instanceof ProfileInputError) throw err;
    throw new ProfileInputError(file, err.message);
  }
}
function readAndParseProfile(file) {
  let raw;
  try {
    raw = readFileSync6(file);
  } catch (err) {
    throw new ProfileInputError(file, err.code === "ENOENT" ? "no such file" : err.message);
  }
  return parseProfileBytes(file, raw);
}
function readProfileFile(file, options = {}) {
  const parsed = readAndParseProfile(file);
  if (parsed.kind === "pprof") return parsed.profile;
  const builder = new ProfileBuilder();
  const stats = addCpuProfile(builder, parsed.cpu, { repoRoot: options.repoRoot ?? process.cwd(), ...options });
  builder.durationNanos = (stats.endUs - stats.startUs) * 1e3;
  return builder.build();
}

// src/collect/gather.ts
function gatherRawProfiles(rawDir, options) {
  const builder = new ProfileBuilder();
  const warnings = [];
  const started = /* @__PURE__ */ new Set();
  const threads = /* @__PURE__ */ new Map();
  const unprofilable = [];
  let entries = [];
  try {
    entries = readdirSync3(rawDir).sort();
  } catch (err) {
    warnings.push(`${rawDir}: cannot read raw profiles (${err.message})`);
  }
  let wallStart = Infinity;
  let wallEnd = 0;
  for (const name of entries) {
    if (name.endsWith(".start")) {
      started.add(name.slice(0, -".start".length));
      continue;
    }
    if (name.endsWith(".noinspector")) {
      try {
        const info = JSON.parse(readFileSync7(path5.join(rawDir, name), "utf8"));
        unprofilable.push({ pid: info.pid, argv: info.argv });
      } catch {
        unprofilable.push({ pid: Number(name.split("-")[0]), argv: [] });
      }
      continue;
    }
    if (!name.endsWith(".cpuprofile")) continue;
    const file = path5.join(rawDir, name);
    try {
      const parsed = parseProfileBytes(file, readFileSync7(file));
      if (parsed.kind !== "cpuprofile") throw new Error(`${file}: expected a V8 .cpuprofile`);
      const info = parsed.cpu.$ciprof;
      const [pidText, tidText] = name.split("-");
      const pid = info?.pid ?? Number(pidText);
      const threadId = info?.threadId ?? Number(tidText);
      const stats = addCpuProfile(builder, parsed.cpu, {
        repoRoot: options.repoRoot,
        labels: { pid, thread: threadId },
        labelAt: info ? options.labelerFor?.(info) : void 0
      });
      const key = `${pid}-${threadId}`;
      const record = threads.get(key);
      if (record) {
        record.samples += stats.samples;
        record.cpuNs += stats.totalNs;
        record.segments += 1;
        record.startUs = Math.min(record.startUs, stats.startUs);
        record.endUs = Math.max(record.endUs, stats.endUs);
      } else {
        threads.set(key, {
          pid,
          threadId,
          isMainThread: info?.isMainThread ?? threadId === 0,
          argv: info?.argv ?? [],
          nodeVersion: info?.nodeVersion ?? "",
          samples: stats.samples,
          cpuNs: stats.totalNs,
          segments: 1,
          startUs: stats.startUs,
          endUs: stats.endUs
        });
      }
      if (info) {
        wallStart = Math.min(wallStart, info.wallStartMs);
        wallEnd = Math.max(wallEnd, info.wallEndMs);
      }
    } catch (err) {
      warnings.push(err.message);
    }
  }
  const lost = [...started].filter((k) => !threads.has(k));
  if (wallStart !== Infinity) {
    builder.timeNanos = wallStart * 1e6;
    builder.durationNanos = Math.max(0, wallEnd - wallStart) * 1e6;
  }
  const records = [...threads.values()];
  return {
    profile: builder.build(),
    threads: records,
    processes: new Set(records.map((t) => t.pid)).size,
    lost,
    unprofilable,
    warnings
  };
}

// src/collect/settle.ts
import { readdirSync as readdirSync4 } from "node:fs";
function pendingPids(rawDir) {
  const names = readdirSync4(rawDir);
  const written = new Set(names.filter((n) => n.endsWith(".cpuprofile")).map((n) => n.split("-").slice(0, 2).join("-")));
  const pids = /* @__PURE__ */ new Set();
  for (const n of names) {
    if (!n.endsWith(".start")) continue;
    const key = n.slice(0, -".start".length);
    if (!written.has(key)) pids.add(Number(key.split("-")[0]));
  }
  return [...pids];
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function settleRawDir(rawDir, timeoutMs = 5e3) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let pending;
    try {
      pending = pendingPids(rawDir).filter(alive);
    } catch {
      return;
    }
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// src/collect/spawn.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
function runCommand(command, options) {
  const started = performance.now();
  const useShell = command.length === 1 && /\s/.test(command[0]);
  const child = useShell ? spawn(command[0], { stdio: "inherit", env: options.env, cwd: options.cwd, shell: true }) : spawn(command[0], command.slice(1), { stdio: "inherit", env: options.env, cwd: options.cwd });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise((resolve2) => {
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
      resolve2({ ...result, wallMs: performance.now() - started });
    };
    child.on("error", (err) => {
      if (child.pid !== void 0) return;
      const spawnError = err.code === "ENOENT" ? `command not found: ${command[0]}` : `cannot run ${command[0]}: ${err.message}`;
      finish({ exitCode: err.code === "ENOENT" ? 127 : 126, spawnError });
    });
    child.on("close", (code, signal) => {
      if (signal) finish({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      else finish({ exitCode: code ?? 1 });
    });
  });
}

// src/collect/profile-command.ts
async function profileCommand(opts) {
  const baseEnv = opts.env ?? process.env;
  let rawDir;
  let env = baseEnv;
  try {
    rawDir = mkdtempSync(path6.join(tmpdir(), "ciprof-raw-"));
    env = {
      ...baseEnv,
      ...opts.attribution?.env,
      // The runner hook (if any) already sits in attribution.env's NODE_OPTIONS.
      NODE_OPTIONS: withPreload(opts.attribution?.env.NODE_OPTIONS ?? baseEnv.NODE_OPTIONS, agentPath()),
      CIPROF_RAW_DIR: rawDir,
      CIPROF_INTERVAL_US: String(opts.intervalUs)
    };
  } catch (err) {
    opts.warn(`profiling disabled: ${err.message}`);
    rawDir = void 0;
    env = baseEnv;
  }
  const result = await runCommand(rawDir && opts.attribution?.command || opts.command, { env, cwd: opts.cwd });
  if (result.spawnError) {
    opts.warn(result.spawnError);
    return { exitCode: result.exitCode };
  }
  if (!rawDir) return { exitCode: result.exitCode };
  try {
    await settleRawDir(rawDir);
    try {
      opts.attribution?.prepare?.(rawDir);
    } catch (err) {
      opts.warn(`per-test attribution off: ${err.message}`);
    }
    const gathered = gatherRawProfiles(rawDir, { repoRoot: opts.repoRoot, labelerFor: opts.attribution?.labelerFor });
    opts.attribution?.finish?.();
    for (const w of gathered.warnings) opts.warn(w);
    const profile = gathered.profile;
    const nodeVersions = [...new Set(gathered.threads.map((t) => t.nodeVersion).filter(Boolean))];
    profile.meta = {
      ...contextMeta(opts.ci),
      "ciprof.version": VERSION,
      command: opts.command.join(" "),
      exit_code: String(result.exitCode),
      interval_us: String(opts.intervalUs),
      "node.version": nodeVersions.join(",") || process.version,
      processes: String(gathered.processes),
      threads: String(gathered.threads.length),
      lost_threads: String(gathered.lost.length),
      wall_ms: String(Math.round(result.wallMs)),
      ...environmentFingerprint(baseEnv)
    };
    const walls = opts.attribution?.walls?.();
    if (walls) Object.assign(profile.meta, testWallsMeta(walls));
    profile.period = opts.intervalUs * 1e3;
    if (gathered.threads.length === 0) {
      opts.warn("no Node.js process wrote a profile (was the command a Node program?)");
    }
    if (gathered.lost.length) {
      opts.warn(`${gathered.lost.length} thread(s) started but were killed before writing a profile: ${gathered.lost.slice(0, 5).join(", ")}`);
    }
    mkdirSync2(opts.outDir, { recursive: true });
    const gz = encodePprofGzip(profile);
    const profilePath = path6.join(opts.outDir, "profile.pb.gz");
    writeFileSync2(profilePath, gz);
    const summary = summarize(profile, gathered, {
      ciprofVersion: VERSION,
      command: opts.command,
      exitCode: result.exitCode,
      wallMs: Math.round(result.wallMs),
      intervalUs: opts.intervalUs,
      warnings: gathered.warnings
    });
    summary.profile = profilePath;
    if (opts.attribution?.tests) {
      try {
        summary.tests = opts.attribution.tests(profile);
      } catch (err) {
        opts.warn(`per-test table not computed: ${err.message}`);
      }
    }
    if (opts.storeDir && opts.ci.commit && gathered.threads.length > 0) {
      try {
        const stored = await new LocalStore(opts.storeDir).put({ jobKey: opts.ci.jobKey, commit: opts.ci.commit, branch: opts.ci.branch }, gz);
        summary.storedAs = path6.relative(process.cwd(), stored.id) || stored.id;
      } catch (err) {
        opts.warn(`local store: ${err.message}`);
      }
    }
    if (opts.report) {
      try {
        const { writeReport } = await import("./report-YN2AOXIM.js");
        summary.report = writeReport(profile, void 0, { output: path6.join(opts.outDir, "report.html") }).path;
      } catch (err) {
        opts.warn(`report not written: ${err.message}`);
      }
    }
    writeFileSync2(path6.join(opts.outDir, "profile.json"), `${JSON.stringify({ ...summary, threadsDetail: gathered.threads, lost: gathered.lost }, null, 2)}
`);
    return { exitCode: result.exitCode, summary, profilePath };
  } catch (err) {
    opts.warn(`profile not written: ${err.message}`);
    return { exitCode: result.exitCode };
  } finally {
    if (!opts.keepRaw) rmSync(rawDir, { recursive: true, force: true });
    else opts.warn(`raw V8 profiles kept in ${rawDir}`);
  }
}

// src/pipeline/diff.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";

// src/baseline/resolve.ts
var DEFAULT_MAX_WALK = 50;
var FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
var short = (c) => c.slice(0, 12);
function wantedCommit(req) {
  const head = req.head ?? "HEAD";
  const resolved = req.history.resolve(req.base);
  const looksLikeCommit = /^[0-9a-f]{7,64}$/i.test(req.base);
  if (resolved && looksLikeCommit && resolved.toLowerCase().startsWith(req.base.toLowerCase())) {
    return { commit: resolved, how: `commit ${short(resolved)} given as the base` };
  }
  if (resolved) {
    const mb = req.history.mergeBase(resolved, head);
    if (mb) return { commit: mb, how: `merge-base of ${req.base} and ${head === "HEAD" ? "HEAD" : short(head)} is ${short(mb)}` };
  }
  if (FULL_COMMIT.test(req.base)) {
    return { commit: req.base.toLowerCase(), how: `commit ${short(req.base)} given as the base (not in local git history)` };
  }
  if (req.fallbackCommit) {
    return {
      commit: req.fallbackCommit,
      how: `${req.base} could not be resolved in local git history (shallow checkout? use fetch-depth: 0); using the PR's base commit ${short(req.fallbackCommit)}`
    };
  }
  return { how: `${req.base} is neither a known commit nor a ref in this checkout` };
}
async function resolveBaseline(req) {
  const maxWalk = req.maxWalk ?? DEFAULT_MAX_WALK;
  const wanted = wantedCommit(req);
  if (!wanted.commit) return { found: false, searched: 0, reason: wanted.how };
  const chain = req.history.firstParentChain(wanted.commit, maxWalk);
  if (chain.length === 0) chain.push(wanted.commit);
  for (let distance = 0; distance < chain.length; distance++) {
    const commit = chain[distance];
    const stored = await req.store.find(req.jobKey, commit);
    if (stored.length === 0) continue;
    const why = distance === 0 ? `${wanted.how}; it has a stored profile for job ${req.jobKey}` : `${wanted.how}, which has no stored profile for job ${req.jobKey}; the nearest first-parent ancestor with one is ${short(commit)}, ${distance} commit${distance === 1 ? "" : "s"} back`;
    return { found: true, commit, wanted: wanted.commit, distance, reason: why, stored: stored[0], candidates: stored.length };
  }
  return {
    found: false,
    wanted: wanted.commit,
    searched: chain.length,
    reason: `${wanted.how}; none of it and its ${chain.length - 1} nearest first-parent ancestors has a stored profile for job ${req.jobKey} in the ${req.store.kind} store`
  };
}

// src/diff/call-tree-diff.ts
function fold(root, profile, side) {
  const vi = timeValueIndex(profile);
  for (const s of profile.samples) {
    const v = s.values[vi] ?? 0;
    if (v === 0) continue;
    let node = root;
    node[side] += v;
    for (let i = s.stack.length - 1; i >= 0; i--) {
      const frame = profile.functions[s.stack[i]];
      if (frame.name === "(root)" && frame.file === "") continue;
      const key = functionKey(frame);
      let child = node.children.get(key);
      if (!child) {
        child = { frame, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
        node.children.set(key, child);
      }
      child[side] += v;
      node = child;
    }
  }
}
function changedPaths(base, head, diff, opts) {
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  if (reported.size === 0) return [];
  const root = { frame: { name: "(root)", file: "", line: 0 }, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
  fold(root, base, "base");
  fold(root, head, "head");
  const maxNodes = opts.maxNodes ?? 60;
  const maxDepth = opts.maxDepth ?? 24;
  let budget = maxNodes;
  const leadsToReported = /* @__PURE__ */ new Map();
  const leads = (n) => {
    const cached = leadsToReported.get(n);
    if (cached !== void 0) return cached;
    let r = reported.has(functionKey(n.frame));
    for (const c of n.children.values()) if (leads(c)) r = true;
    leadsToReported.set(n, r);
    return r;
  };
  const keep = (n) => Math.abs(n.head - n.base) >= opts.minDeltaNs && leads(n);
  const build = (n, depth) => {
    if (depth >= maxDepth) return [];
    const kids = [...n.children.values()].filter(keep).sort((a, b) => Math.abs(b.head - b.base) - Math.abs(a.head - a.base));
    const out = [];
    for (let k of kids) {
      if (budget <= 0) break;
      budget--;
      let elided = 0;
      if (depth > 0) {
        for (; ; ) {
          const only = [...k.children.values()].filter(keep);
          const next = only[0];
          if (only.length !== 1 || !next || reported.has(functionKey(k.frame))) break;
          const grand = [...next.children.values()].filter(keep);
          if (grand.length !== 1 || reported.has(functionKey(next.frame))) break;
          k = next;
          elided++;
        }
      }
      const node = { frame: k.frame, baseNs: k.base, headNs: k.head, reported: reported.has(functionKey(k.frame)), children: build(k, depth + 1) };
      if (elided) node.elided = elided;
      out.push(node);
    }
    return out;
  };
  return build(root, 0);
}

// src/diff/noise-history.ts
var MIN_HISTORY_PAIRS = 3;
var MIN_SPEED_SD = 0.01;
function selfSamplesByKey(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const s of functionTable(profile).stats) if (!isPseudo(s.frame)) out.set(functionKey(s.frame), s.selfSamples);
  return out;
}
function noiseFromHistory(runs) {
  const estimates = [];
  for (let i = 0; i + 1 < runs.length; i++) {
    const newer = runs[i];
    const older = runs[i + 1];
    if (environmentWarnings(older.meta, newer.meta).length > 0) continue;
    const { base, head } = restrictToCommonTests(older, newer);
    const b = selfSamplesByKey(base);
    const h = selfSamplesByKey(head);
    const points = [...b].map(([k, n]) => ({ base: n, head: h.get(k) ?? 0 }));
    const e = speedFactor(points, 1);
    if (e.voters < 3) continue;
    estimates.push({ logFactor: Math.log(e.factor), logVariance: e.logVariance, dispersion: e.dispersion });
  }
  if (estimates.length < MIN_HISTORY_PAIRS) return void 0;
  const meanSquare = estimates.reduce((a, e) => a + e.logFactor * e.logFactor, 0) / estimates.length;
  const meanEstimateVariance = estimates.reduce((a, e) => a + e.logVariance, 0) / estimates.length;
  const logSd = Math.max(MIN_SPEED_SD, Math.sqrt(Math.max(0, meanSquare - meanEstimateVariance)));
  const dispersions = estimates.map((e) => e.dispersion).sort((a, b) => a - b);
  const mid = dispersions.length >> 1;
  const dispersion = dispersions.length % 2 ? dispersions[mid] : (dispersions[mid - 1] + dispersions[mid]) / 2;
  return {
    prior: { logSd, source: "history", pairs: estimates.length },
    dispersion,
    pairs: estimates.length,
    speedRatios: estimates.map((e) => Math.exp(e.logFactor))
  };
}

// src/profile/merge.ts
function mergeProfiles(profiles) {
  const first = profiles[0];
  const builder = first ? new ProfileBuilder([], first.periodType, first.period) : new ProfileBuilder();
  appendProfiles(builder, profiles);
  return builder.build();
}
function appendProfiles(builder, profiles) {
  let start = builder.timeNanos > 0 ? builder.timeNanos : Infinity;
  let end = start === Infinity ? 0 : builder.timeNanos + builder.durationNanos;
  for (const p of profiles) {
    const fmap = p.functions.map((f) => builder.functionId(f.name, f.file, f.line));
    const vmap = p.sampleTypes.map((t) => builder.sampleTypeIndex(t));
    const values = new Array(builder.sampleTypes.length);
    for (const s of p.samples) {
      values.fill(0);
      for (let i = 0; i < s.values.length; i++) values[vmap[i]] = s.values[i];
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = builder.childNode(node, fmap[s.stack[i]]);
      builder.addSampleAt(node, values, s.labels);
    }
    for (const [k, v] of Object.entries(p.meta)) if (!(k in builder.meta)) builder.meta[k] = v;
    if (p.timeNanos > 0) {
      start = Math.min(start, p.timeNanos);
      end = Math.max(end, p.timeNanos + p.durationNanos);
    }
  }
  if (start !== Infinity) {
    builder.timeNanos = start;
    builder.durationNanos = end - start;
  }
}

// src/diff/self-by-key.ts
function selfByFunctionKey(profile) {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || profile.functions[leaf].name === IDLE_FRAME) continue;
    out.set(keys[leaf], (out.get(keys[leaf]) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}

// src/diff/runs.ts
function scaleProfile(profile, factor) {
  return { ...profile, samples: profile.samples.map((s) => ({ ...s, values: s.values.map((v) => v * factor) })) };
}
function diffRuns(baseRuns, headRuns, overrides = {}) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const n = baseRuns.length;
  const m = headRuns.length;
  if (n === 0 || m === 0) throw new Error("diffRuns needs at least one run on each side");
  const meanBase = scaleProfile(mergeProfiles(baseRuns), 1 / n);
  const meanHead = scaleProfile(mergeProfiles(headRuns), 1 / m);
  meanBase.meta = { ...baseRuns[0].meta };
  meanHead.meta = { ...headRuns[0].meta };
  if (n + m < 3) return diffProfiles(meanBase, meanHead, overrides);
  const diff = diffProfiles(meanBase, meanHead, { ...thresholds, minUnits: Number.POSITIVE_INFINITY });
  const baseSelf = baseRuns.map(selfByFunctionKey);
  const headSelf = headRuns.map(selfByFunctionKey);
  const nsPerSample = (diff.base.cpuNs + diff.head.cpuNs) / Math.max(1, diff.base.samples + diff.head.samples);
  const df = n + m - 2;
  const speed = 1;
  const perFile = perFileVariance(baseRuns, headRuns, thresholds.minUnits);
  const tested = [];
  for (const row of diff.functions) {
    if (row.status === "too-small") continue;
    const key = functionKey(row.frame);
    const x = baseSelf.map((r) => r.get(key) ?? 0);
    const y = headSelf.map((r) => (r.get(key) ?? 0) / speed);
    const mx = x.reduce((a, b) => a + b, 0) / n;
    const my = y.reduce((a, b) => a + b, 0) / m;
    const ss = x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0);
    const floor = (mx + my) / 2 * nsPerSample;
    const measured = [{ v: df > 0 ? ss / df : 0, df }, ...perFile ? [perFile(key)] : []].reduce((a, b) => b.v > a.v ? b : a);
    const extra = measured.df > 0 ? Math.max(0, measured.v - floor) : 0;
    const variance = floor + extra;
    const dfEff = extra > 0 ? variance * variance / (extra * extra / measured.df) : Number.POSITIVE_INFINITY;
    const se = Math.sqrt(variance * (1 / n + 1 / m));
    const delta = my - mx;
    row.adjustedPct = mx > 0 ? delta / mx * 100 : my > 0 ? Infinity : 0;
    row.pValue = se > 0 ? tOrNormalTwoSided(delta / se, dfEff) : delta === 0 ? 1 : 0;
    if (mx > 0) {
      const crit = dfEff > 1e3 ? normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2) : studentTQuantile(1 - INTERVAL_LEVEL, dfEff);
      row.interval = { method: "runs", level: INTERVAL_LEVEL, lowPct: (delta - crit * se) / mx * 100, highPct: (delta + crit * se) / mx * 100, pValue: row.pValue, units: n + m };
    }
    tested.push(row);
  }
  const q = benjaminiHochberg(tested.map((r) => r.pValue));
  tested.forEach((r, i) => {
    r.qValue = q[i];
    r.demotedBy = void 0;
    r.status = r.qValue <= thresholds.alpha && bigEnough(r, thresholds) ? r.adjustedPct > 0 ? "regression" : "improvement" : "noise";
  });
  const fileUnits = gateByTestFiles(
    tested.filter((r) => r.status === "regression" || r.status === "improvement"),
    meanBase,
    meanHead,
    speed,
    thresholds,
    false
  );
  const regressions = diff.functions.filter((r) => r.status === "regression");
  const improvements = diff.functions.filter((r) => r.status === "improvement");
  return {
    ...diff,
    thresholds,
    regressions,
    improvements,
    withinNoise: diff.withinNoise + diff.regressions.length + diff.improvements.length - regressions.length - improvements.length,
    verdict: regressions.length > 0 ? "regression" : improvements.length > 0 ? "improvement" : "no-change",
    noiseModel: { sampling: true, runs: { base: n, head: m }, ...fileUnits > 0 ? { testFiles: fileUnits } : {} },
    speedFactor: 1
  };
}
function perFileVariance(baseRuns, headRuns, minUnits) {
  const n = baseRuns.length;
  const m = headRuns.length;
  const df = n + m - 2;
  if (df <= 0) return void 0;
  const base = baseRuns.map(selfByTestFile);
  const head = headRuns.map(selfByTestFile);
  const all = [...base, ...head];
  const units = [...all[0].keys()].filter((u) => all.every((r) => r.has(u)));
  if (units.length < minUnits) return void 0;
  return (key) => {
    let sum = 0;
    let sumSq = 0;
    for (const u of units) {
      const x = base.map((r) => r.get(u).get(key) ?? 0);
      const y = head.map((r) => r.get(u).get(key) ?? 0);
      const mx = x.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / m;
      const v = (x.reduce((a, b) => a + (b - mx) ** 2, 0) + y.reduce((a, b) => a + (b - my) ** 2, 0)) / df;
      sum += v;
      sumSq += v * v / df;
    }
    return { v: sum, df: sumSq > 0 ? sum * sum / sumSq : Number.POSITIVE_INFINITY };
  };
}

// src/diff/test-diff.ts
var ms2 = (ns) => Math.round(ns / 1e4) / 100;
function sides(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const [key, w] of readTestWalls(profile)) out.set(key, { file: w.file, name: w.name, self: /* @__PURE__ */ new Map(), totalNs: 0, samples: 0 });
  for (const [key, entry] of samplesByTest(profile)) {
    const self = /* @__PURE__ */ new Map();
    let totalNs = 0;
    for (const [id, ns] of selfByFunction(profile, entry.samples)) {
      const f = profile.functions[id];
      if (!f) continue;
      const fk = `${f.name}\0${f.file}\0${f.line}`;
      const prev = self.get(fk);
      if (prev) prev.ns += ns;
      else self.set(fk, { name: f.name, file: f.file, line: f.line, ns });
      totalNs += ns;
    }
    const ci = countValueIndex(profile);
    let samples = 0;
    for (const sm of entry.samples) if (profile.functions[sm.stack[0] ?? -1]?.name !== IDLE_FRAME) samples += ci >= 0 ? sm.values[ci] ?? 0 : 1;
    out.set(key, { file: entry.file, name: entry.name, self, totalNs, samples });
  }
  return out;
}
function functionChanges(base, head, limit, direction) {
  const keys = /* @__PURE__ */ new Set([...base.self.keys(), ...head.self.keys()]);
  const rows = [];
  for (const k of keys) {
    const b = base.self.get(k);
    const h = head.self.get(k);
    const f = h ?? b;
    const deltaNs = (h?.ns ?? 0) - (b?.ns ?? 0);
    rows.push({ name: f.name, file: f.file, line: f.line, baseMs: ms2(b?.ns ?? 0), headMs: ms2(h?.ns ?? 0), deltaMs: ms2(deltaNs) });
  }
  return rows.sort((x, y) => direction * (y.deltaMs - x.deltaMs)).slice(0, limit);
}
function diffTests(base, head, options = {}) {
  const minMs = options.minDeltaMs ?? 0;
  const minPct = options.minDeltaPct ?? 0;
  const perTest = options.functionsPerTest ?? 5;
  const b = sides(base);
  const h = sides(head);
  const result = { slower: [], faster: [], unchanged: 0, added: [], removed: [] };
  for (const [key, hs] of h) {
    const bs = b.get(key);
    if (!bs) {
      result.added.push({ file: hs.file, name: hs.name, ms: ms2(hs.totalNs), samples: hs.samples });
      continue;
    }
    const deltaNs = hs.totalNs - bs.totalNs;
    const deltaPct = bs.totalNs > 0 ? hs.totalNs / bs.totalNs - 1 : hs.totalNs > 0 ? Infinity : 0;
    const change = {
      file: hs.file,
      name: hs.name,
      baseMs: ms2(bs.totalNs),
      headMs: ms2(hs.totalNs),
      deltaMs: ms2(deltaNs),
      deltaPct,
      baseSamples: bs.samples,
      headSamples: hs.samples
    };
    const big = Math.abs(deltaNs) / 1e6 >= minMs && Math.abs(deltaPct) >= minPct && deltaNs !== 0;
    if (!big) result.unchanged++;
    else if (deltaNs > 0) result.slower.push({ ...change, functions: functionChanges(bs, hs, perTest, 1) });
    else result.faster.push({ ...change, functions: functionChanges(bs, hs, perTest, -1) });
  }
  for (const [key, bs] of b) {
    if (!h.has(key)) result.removed.push({ file: bs.file, name: bs.name, ms: ms2(bs.totalNs), samples: bs.samples });
  }
  result.slower.sort((x, y) => y.deltaMs - x.deltaMs);
  result.faster.sort((x, y) => x.deltaMs - y.deltaMs);
  result.added.sort((x, y) => y.ms - x.ms);
  result.removed.sort((x, y) => y.ms - x.ms);
  return result;
}

// src/diff/test-significance.ts
function significantTestChanges(base, head, baseTotals, headTotals, t) {
  const d = diffTests(base, head, { minDeltaMs: t.minMs, minDeltaPct: t.minPct / 100, functionsPerTest: 3 });
  const compared = d.slower.length + d.faster.length + d.unchanged;
  if (compared === 0 && d.added.length === 0 && d.removed.length === 0) return void 0;
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const candidates = [...d.slower, ...d.faster];
  const p = candidates.map(
    (c) => c.baseSamples + c.headSamples >= t.minSamples && baseRate > 0 && headRate > 0 ? poissonRatioTest(c.baseSamples, baseRate, c.headSamples, headRate) : 1
  );
  const q = benjaminiHochberg([...p, ...new Array(d.unchanged).fill(1)]);
  const kept = candidates.map((c, i) => ({ ...c, qValue: q[i] })).filter((c) => c.qValue <= t.alpha);
  const slower = kept.filter((c) => c.deltaMs > 0);
  const faster = kept.filter((c) => c.deltaMs < 0);
  return { slower, faster, withinNoise: compared - kept.length, added: d.added, removed: d.removed };
}

// src/pipeline/diff.ts
var isFile = (p) => {
  try {
    return existsSync3(p) && statSync2(p).isFile();
  } catch {
    return false;
  }
};
var MAX_BASE_RUNS = 5;
async function loadBaseRuns(store, newest, jobKey, commit) {
  const decode2 = async (entry) => {
    const parsed = parseProfileBytes(`${store.kind}:${entry.id}`, await store.get(entry));
    if (parsed.kind !== "pprof") throw new Error(`${store.kind} store returned a non-pprof profile for ${commit}`);
    return parsed.profile;
  };
  const runs = [await decode2(newest)];
  if (store.kind !== "local") return runs;
  for (const entry of (await store.find(jobKey, commit)).filter((e) => e.id !== newest.id).slice(0, MAX_BASE_RUNS - 1)) {
    try {
      runs.push(await decode2(entry));
    } catch {
    }
  }
  return runs;
}
var HISTORY_RUNS = 6;
var HISTORY_WALK = 20;
async function loadHistory(store, history, jobKey, baseCommit) {
  if (store.kind === "pyroscope") return [];
  const runs = [];
  for (const commit of history.firstParentChain(baseCommit, HISTORY_WALK)) {
    if (runs.length >= HISTORY_RUNS) break;
    try {
      const newest = (await store.find(jobKey, commit))[0];
      if (!newest) continue;
      const parsed = parseProfileBytes(`${store.kind}:${newest.id}`, await store.get(newest));
      if (parsed.kind === "pprof") runs.push(parsed.profile);
    } catch {
    }
  }
  return runs;
}
async function diffStage(opts) {
  const head = readProfileFile(opts.headFile);
  const headCommit = head.meta.commit ?? opts.ci.commit;
  let base;
  let baseRuns = [];
  let provenance;
  let historyNoise;
  if (isFile(opts.base)) {
    base = readProfileFile(opts.base);
    provenance = { source: "file", found: true, file: opts.base, commit: base.meta.commit, reason: `profile file ${opts.base} given as the base` };
  } else {
    const found = await resolveBaseline({
      store: opts.store,
      history: opts.history,
      jobKey: opts.ci.jobKey,
      base: opts.base,
      head: headCommit ?? "HEAD",
      fallbackCommit: opts.ci.baseCommit,
      maxWalk: opts.maxWalk
    });
    if (found.found) {
      baseRuns = await loadBaseRuns(opts.store, found.stored, opts.ci.jobKey, found.commit);
      base = baseRuns.length > 1 ? scaleProfile(mergeProfiles(baseRuns), 1 / baseRuns.length) : baseRuns[0];
      provenance = { source: "store", found: true, commit: found.commit, wanted: found.wanted, distance: found.distance, reason: found.reason, store: opts.store.kind };
      historyNoise = noiseFromHistory(await loadHistory(opts.store, opts.history, opts.ci.jobKey, found.commit));
    } else {
      provenance = { source: "store", found: false, wanted: found.wanted, reason: found.reason, store: opts.store.kind };
    }
  }
  const diff = base ? baseRuns.length > 1 ? diffRuns(baseRuns, [head], opts.thresholds) : diffProfiles(base, head, opts.thresholds, { history: historyNoise }) : void 0;
  const paths = base && diff ? changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }) : [];
  const report = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: opts.ci.jobKey,
    provider: opts.ci.provider,
    repository: opts.ci.repository,
    serverUrl: opts.ci.serverUrl ?? (opts.ci.provider === "github" ? "https://github.com" : void 0),
    pr: opts.ci.pr,
    head: { commit: headCommit, profile: opts.headFile },
    base: provenance,
    diff,
    changedPaths: paths,
    links: { run: opts.ci.runUrl, summary: opts.ci.provider === "github" ? opts.ci.runUrl : void 0, ...opts.links }
  };
  const tests = base && diff ? significantTestChanges(base, head, diff.base, diff.head, diff.thresholds) : void 0;
  if (tests) report.tests = tests;
  return { report, base, head };
}

// src/pyroscope/labels.ts
var MAX_LABEL_VALUE_CHARS = 256;
var MAX_USER_LABELS = 12;
var DEFAULT_KEPT_SAMPLE_LABELS = ["test_file"];
var NAME_OK = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function sanitizeLabelName(raw) {
  let name = raw.trim().replace(/[^a-zA-Z0-9_]/g, "_");
  if (name === "") return "";
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return NAME_OK.test(name) ? name : "";
}
function sanitizeLabelValue(raw) {
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/[,}]/g, "_").trim();
  const chars = Array.from(cleaned);
  return chars.length > MAX_LABEL_VALUE_CHARS ? chars.slice(0, MAX_LABEL_VALUE_CHARS).join("") : cleaned;
}
function sanitizeAppName(raw) {
  const cleaned = raw.trim().replace(/[^a-zA-Z0-9_./-]+/g, "_").slice(0, MAX_LABEL_VALUE_CHARS);
  return cleaned.replace(/^_+|_+$/g, "") || "ciprof";
}
function defaultAppName(repository, repoRoot) {
  const fromRepo = repository?.split("/").filter(Boolean).pop()?.replace(/\.git$/, "");
  const fromDir = repoRoot?.split(/[\\/]/).filter(Boolean).pop();
  return sanitizeAppName(fromRepo || fromDir || "ciprof");
}
var META_LABELS = [
  ["commit", "commit"],
  ["branch", "branch"],
  ["pr", "pr"],
  ["ci.provider", "ci_provider"],
  ["ci.workflow", "workflow"],
  ["ci.job", "job"],
  ["ci.matrix", "matrix"],
  ["job_key", "job_key"]
];
function parseUserLabels(specs, warn2) {
  const out = {};
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const name = eq > 0 ? sanitizeLabelName(spec.slice(0, eq)) : "";
    if (!name || name.startsWith("__") || name === "service_name") {
      warn2(`--label "${spec}" ignored: expected name=value with a name other than service_name or __*`);
      continue;
    }
    if (Object.keys(out).length >= MAX_USER_LABELS && !(name in out)) {
      warn2(`--label "${spec}" ignored: at most ${MAX_USER_LABELS} user labels (Pyroscope limits labels per series)`);
      continue;
    }
    out[name] = spec.slice(eq + 1);
  }
  return out;
}
function profileTypeName(profile) {
  if (profile.sampleTypes.some((t) => t.type === "wall")) return "wall";
  if (profile.sampleTypes.some((t) => t.type.includes("cpu"))) return "process_cpu";
  return profile.sampleTypes[profile.sampleTypes.length - 1]?.type ?? "process_cpu";
}
function seriesLabels(app, meta, user = {}) {
  const labels = /* @__PURE__ */ new Map([["service_name", sanitizeAppName(app)]]);
  for (const [key, name] of META_LABELS) {
    const v = meta[key];
    if (v !== void 0 && v !== "") labels.set(name, sanitizeLabelValue(v));
  }
  for (const [rawName, v] of Object.entries(user)) {
    const name = sanitizeLabelName(rawName);
    if (name && !labels.has(name) && !name.startsWith("__")) labels.set(name, sanitizeLabelValue(v));
  }
  return [...labels].filter(([, v]) => v !== "").map(([name, value]) => ({ name, value }));
}
function stripSampleLabels(profile, keep = DEFAULT_KEPT_SAMPLE_LABELS) {
  const allowed = new Set(keep);
  const builder = new ProfileBuilder(profile.sampleTypes, profile.periodType, profile.period);
  builder.timeNanos = profile.timeNanos;
  builder.durationNanos = profile.durationNanos;
  builder.meta = { ...profile.meta };
  for (const f of profile.functions) builder.functionId(f.name, f.file, f.line);
  for (const s of profile.samples) {
    const labels = {};
    for (const [k, v] of Object.entries(s.labels)) {
      const name = sanitizeLabelName(k);
      if (allowed.has(k) && name) labels[name] = typeof v === "string" ? sanitizeLabelValue(v) : v;
    }
    builder.addSample(s.stack, s.values, labels);
  }
  return builder.build();
}
function labelSelector(labels) {
  const esc = (v) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `{${labels.map((l) => `${l.name}="${esc(l.value)}"`).join(",")}}`;
}

// src/pipeline/stores.ts
import * as path7 from "node:path";

// src/store/pyroscope.ts
import { gzipSync as gzipSync2 } from "node:zlib";

// src/ci/mask.ts
function maskSecret(secret, env = process.env) {
  if (!secret || env.GITHUB_ACTIONS !== "true") return;
  const escaped = secret.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  process.stdout.write(`::add-mask::${escaped}
`);
}

// src/pyroscope/auth.ts
function resolveAuth(flags, env = process.env) {
  const pick = (flag, name) => {
    const v = flag ?? env[name];
    return v && v.trim() !== "" ? v.trim() : void 0;
  };
  const auth = {
    basicAuth: pick(flags.basicAuth, "CIPROF_PYROSCOPE_BASIC_AUTH"),
    token: pick(flags.token, "CIPROF_PYROSCOPE_TOKEN"),
    tenant: pick(flags.tenant, "CIPROF_PYROSCOPE_TENANT")
  };
  if (env.GITHUB_ACTIONS === "true") {
    for (const secret of [auth.token, auth.basicAuth, auth.basicAuth?.split(":").slice(1).join(":")]) {
      if (secret) maskSecret(secret);
    }
  }
  return auth;
}
function splitServerUrl(raw, auth) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--server "${raw}" is not a URL (expected e.g. http://pyroscope:4040)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--server must be http(s), got ${url.protocol}`);
  let merged = auth;
  if (url.username || url.password) {
    const userPass = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    merged = { ...auth, basicAuth: auth.basicAuth ?? userPass };
    url.username = "";
    url.password = "";
  }
  url.search = "";
  url.hash = "";
  return { server: url.toString().replace(/\/+$/, ""), auth: merged };
}
function authHeaders(auth) {
  const h = {};
  if (auth.token) h.Authorization = `Bearer ${auth.token}`;
  else if (auth.basicAuth) h.Authorization = `Basic ${Buffer.from(auth.basicAuth).toString("base64")}`;
  if (auth.tenant) h["X-Scope-OrgID"] = auth.tenant;
  return h;
}
function redact(text, secrets) {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 3) continue;
    out = out.split(s).join("***");
    const b64 = Buffer.from(s).toString("base64");
    out = out.split(b64).join("***");
  }
  return out;
}

// src/pyroscope/http.ts
var DEFAULT_RETRY = { retries: 5, baseDelayMs: 500, maxDelayMs: 8e3, deadlineMs: 6e4, attemptTimeoutMs: 3e4 };
var PyroscopeError = class extends Error {
  constructor(message, status, transient) {
    super(message);
    this.status = status;
    this.transient = transient;
    this.name = "PyroscopeError";
  }
  status;
  transient;
};
var sleep = (ms3) => new Promise((r) => setTimeout(r, ms3));
function retryAfterMs(value, now = Date.now()) {
  if (!value) return void 0;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function backoffMs(attempt, policy, random = Math.random) {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * cap / 2);
}
function serverMessage(body, contentType) {
  let text = body.toString("utf8");
  if (contentType.includes("json") || text.trimStart().startsWith("{")) {
    try {
      const json = JSON.parse(text);
      text = [json.code, json.message ?? json.error].filter(Boolean).join(": ") || text;
    } catch {
    }
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}
function networkReason(err) {
  const e = err;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  return e.cause?.code ?? e.cause?.message ?? e.message;
}
async function pyroscopeRequest(req) {
  const policy = { ...DEFAULT_RETRY, ...req.retry };
  const started = Date.now();
  const url = new URL(`${req.server.replace(/\/+$/, "")}${req.path}`);
  const where = `${url.origin}${url.pathname}`;
  const headers = { "Content-Type": req.contentType, "User-Agent": "ciprof", ...req.extraHeaders, ...authHeaders(req.auth) };
  const secrets = [req.auth.token, req.auth.basicAuth, req.auth.basicAuth?.split(":").slice(1).join(":")];
  let lastProblem = "";
  for (let attempt = 0; ; attempt++) {
    const remaining = policy.deadlineMs - (Date.now() - started);
    let retryAfter;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: new Uint8Array(req.body),
        signal: AbortSignal.timeout(Math.max(1, Math.min(policy.attemptTimeoutMs, remaining)))
      });
      const body = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get("content-type") ?? "";
      if (res.ok) return { status: res.status, contentType, body, attempts: attempt + 1 };
      const message = redact(serverMessage(body, contentType), secrets);
      lastProblem = `HTTP ${res.status}${message ? `: ${message}` : ""}`;
      if (res.status !== 429 && res.status < 500) {
        throw new PyroscopeError(`${where} answered ${lastProblem}`, res.status, false);
      }
      retryAfter = retryAfterMs(res.headers.get("retry-after"));
    } catch (err) {
      if (err instanceof PyroscopeError) throw err;
      lastProblem = redact(networkReason(err), secrets);
    }
    const elapsed = Date.now() - started;
    const wait = retryAfter ?? backoffMs(attempt, policy);
    if (attempt >= policy.retries || elapsed + wait >= policy.deadlineMs) {
      const tries = `${attempt + 1} attempt${attempt ? "s" : ""} in ${Math.round(elapsed / 100) / 10}s`;
      throw new PyroscopeError(`${where}: ${lastProblem} (gave up after ${tries})`, void 0, true);
    }
    req.onRetry?.(`${where}: ${lastProblem}; retrying in ${wait} ms`);
    await sleep(wait);
  }
}

// src/pyroscope/wire.ts
var WIRE_VARINT = 0;
var WIRE_LEN = 2;
var ProtoWriter = class _ProtoWriter {
  chunks = [];
  length = 0;
  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  varint(value) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`protobuf: cannot encode ${value} as a varint`);
    const out = [];
    let v = value;
    while (v >= 128) {
      out.push(v % 128 | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }
  /** int64/uint64 field (non-negative values only: timestamps in ms are all we send). */
  int64(field, value) {
    if (value !== 0) {
      this.tag(field, WIRE_VARINT);
      this.varint(value);
    }
    return this;
  }
  string(field, value) {
    if (value !== "") this.bytes(field, Buffer.from(value, "utf8"));
    return this;
  }
  bytes(field, value) {
    if (value.length === 0) return this;
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }
  /** Embedded message: always written, even when empty (it is a repeated element). */
  message(field, build) {
    const inner = new _ProtoWriter();
    build(inner);
    const bytes = inner.finish();
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.push(bytes);
    return this;
  }
  finish() {
    return Buffer.concat(this.chunks, this.length);
  }
};

// src/pyroscope/messages.ts
function encodePushRequest(series) {
  const w = new ProtoWriter();
  for (const s of series) {
    w.message(1, (sw) => {
      for (const l of s.labels) sw.message(1, (lw) => lw.string(1, l.name).string(2, l.value));
      for (const sample of s.samples) sw.message(2, (rw) => rw.bytes(1, sample.rawProfile).string(2, sample.id ?? ""));
    });
  }
  return w.finish();
}
function encodeSelectMergeProfileRequest(req) {
  return new ProtoWriter().string(1, req.profileTypeId).string(2, req.labelSelector).int64(3, req.start).int64(4, req.end).finish();
}

// src/pyroscope/upload.ts
import { randomUUID } from "node:crypto";
var SPY_NAME = "nodespy";
function uploadLabels(profile, app, userLabels = {}) {
  const base = seriesLabels(app, profile.meta, userLabels);
  return [
    { name: "__name__", value: profileTypeName(profile) },
    { name: "__delta__", value: "false" },
    { name: "pyroscope_spy", value: SPY_NAME },
    ...base
  ];
}
function ingestName(labels) {
  const app = labels.find((l) => l.name === "service_name")?.value ?? "ciprof";
  const rest = labels.filter((l) => !l.name.startsWith("__") && l.name !== "service_name" && l.name !== "pyroscope_spy");
  return `${app}{${rest.map((l) => `${l.name}=${l.value}`).join(",")}}`;
}
async function uploadProfile(profile, opts) {
  const slim = stripSampleLabels(profile, opts.keepSampleLabels ?? DEFAULT_KEPT_SAMPLE_LABELS);
  const gz = encodePprofGzip(slim);
  const labels = uploadLabels(profile, opts.app, opts.userLabels);
  const common = { server: opts.server, auth: opts.auth, retry: opts.retry, onRetry: opts.onRetry };
  let attempts;
  if (opts.protocol === "push") {
    const body = encodePushRequest([{ labels, samples: [{ rawProfile: gz, id: randomUUID() }] }]);
    const res = await pyroscopeRequest({
      ...common,
      path: "/push.v1.PusherService/Push",
      body,
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    attempts = res.attempts;
  } else {
    const fromS = Math.floor((profile.timeNanos || Date.now() * 1e6) / 1e9);
    const untilS = Math.max(fromS + 1, Math.ceil(((profile.timeNanos || Date.now() * 1e6) + profile.durationNanos) / 1e9));
    const q = new URLSearchParams({ name: ingestName(labels), from: String(fromS), until: String(untilS), format: "pprof", spyName: SPY_NAME });
    const res = await pyroscopeRequest({ ...common, path: `/ingest?${q}`, body: gz, contentType: "application/octet-stream" });
    attempts = res.attempts;
  }
  return { protocol: opts.protocol, labels, bytes: gz.length, attempts };
}

// src/store/pyroscope.ts
var CPU_TIME_TYPE = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
var CPU_SAMPLES_TYPE = "process_cpu:samples:count:cpu:nanoseconds";
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseWindow(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(text);
  const ms3 = m ? Number(m[1]) * UNITS[m[2]] : NaN;
  if (!Number.isFinite(ms3) || ms3 <= 0) throw new Error(`--window "${text}" is not a duration like 30d, 12h or 90m`);
  return ms3;
}
var PyroscopeStore = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  kind = "pyroscope";
  fetched = /* @__PURE__ */ new Map();
  /** The selector a stored profile is found by: app, job key, commit. */
  selector(jobKey, commit) {
    return labelSelector([
      { name: "service_name", value: sanitizeAppName(this.opts.app) },
      { name: "job_key", value: sanitizeLabelValue(jobKey) },
      { name: "commit", value: sanitizeLabelValue(commit) }
    ]);
  }
  async put(entry, pprofGzip) {
    const parsed = parseProfileBytes("profile", pprofGzip);
    if (parsed.kind !== "pprof") throw new Error("pyroscope store: expected a pprof profile");
    const profile = parsed.profile;
    profile.meta = { ...profile.meta, commit: entry.commit, job_key: entry.jobKey, ...entry.branch ? { branch: entry.branch } : {} };
    await uploadProfile(profile, { ...this.common(), app: this.opts.app, protocol: this.opts.protocol ?? "push" });
    return { id: this.selector(entry.jobKey, entry.commit), jobKey: entry.jobKey, commit: entry.commit, createdAt: new Date(this.now()).toISOString(), ...entry.branch ? { branch: entry.branch } : {} };
  }
  /** One entry (all runs of the commit, merged by Pyroscope) or none. */
  async find(jobKey, commit) {
    const id = this.selector(jobKey, commit);
    const profile = await this.fetchMerged(id, commit, jobKey);
    if (profile.samples.length === 0) return [];
    this.fetched.set(id, gzipSync2(encodePprof(profile)));
    const createdAt = new Date(profile.timeNanos ? profile.timeNanos / 1e6 : this.now()).toISOString();
    return [{ id, jobKey, commit, createdAt }];
  }
  async get(entry) {
    const cached = this.fetched.get(entry.id);
    if (cached) return cached;
    const profile = await this.fetchMerged(entry.id, entry.commit, entry.jobKey);
    if (profile.samples.length === 0) throw new Error(`pyroscope: no profile for ${entry.id} in the last ${Math.round(this.opts.windowMs / 864e5)} days`);
    return gzipSync2(encodePprof(profile));
  }
  now() {
    return (this.opts.now ?? Date.now)();
  }
  common() {
    return { server: this.opts.server, auth: this.opts.auth, retry: this.opts.retry, onRetry: this.opts.onRetry };
  }
  async selectMerge(profileTypeId, selector) {
    const end = this.now();
    const res = await pyroscopeRequest({
      ...this.common(),
      path: "/querier.v1.QuerierService/SelectMergeProfile",
      body: encodeSelectMergeProfileRequest({ profileTypeId, labelSelector: selector, start: end - this.opts.windowMs, end }),
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    if (res.body.length === 0) return new ProfileBuilder([{ type: "cpu", unit: "nanoseconds" }], CPU_NANOS, 0).build();
    try {
      return decodePprof(res.body);
    } catch (err) {
      throw new Error(`pyroscope: SelectMergeProfile answer is not a profile (${err.message})`);
    }
  }
  /** Both value types for a selector, joined into one profile in our two-type shape. */
  async fetchMerged(selector, commit, jobKey) {
    const time = await this.selectMerge(CPU_TIME_TYPE, selector);
    const counts = time.samples.length ? await this.selectMerge(CPU_SAMPLES_TYPE, selector) : time;
    const out = new ProfileBuilder([SAMPLES_COUNT, CPU_NANOS], CPU_NANOS, time.period);
    const add = (part, slot) => {
      for (const s of part.samples) {
        const stack = s.stack.map((i) => {
          const f = part.functions[i];
          return out.functionId(f.name, f.file, f.line);
        });
        const v = s.values[0] ?? 0;
        out.addSample(stack, slot === 0 ? [v, 0] : [0, v], s.labels);
      }
    };
    if (time.samples.length) {
      add(time, 1);
      if (counts !== time && counts.samples.length) add(counts, 0);
    }
    out.timeNanos = time.timeNanos;
    out.durationNanos = time.durationNanos;
    out.meta = { commit, job_key: jobKey, source: "pyroscope", "pyroscope.selector": selector };
    const profile = out.build();
    const totalNs = profile.samples.reduce((a, s) => a + s.values[1], 0);
    const totalCount = profile.samples.reduce((a, s) => a + s.values[0], 0);
    if (!profile.period) profile.period = totalCount > 0 ? Math.round(totalNs / totalCount) : 1e6;
    if (totalCount === 0) for (const s of profile.samples) s.values[0] = Math.round(s.values[1] / profile.period);
    return profile;
  }
};
function createPyroscopeStore(opts) {
  return new PyroscopeStore(opts);
}

// src/pipeline/stores.ts
function defaultStoreDir(repoRoot, env = process.env) {
  return path7.resolve(env.CIPROF_STORE_DIR ?? path7.join(repoRoot, ".ciprof", "store"));
}
async function openStore(opts) {
  if (opts.kind === "local") return new LocalStore(opts.storeDir);
  if (opts.kind === "pyroscope") {
    if (!opts.pyroscope) throw new Error("the pyroscope store needs --server (or CIPROF_PYROSCOPE_URL)");
    return createPyroscopeStore(opts.pyroscope);
  }
  if (!opts.githubToken) throw new Error("the github store needs a token (GITHUB_TOKEN or the github-token input)");
  if (!opts.ci.repository) throw new Error("the github store needs the repository (GITHUB_REPOSITORY)");
  const { GithubArtifactStore } = await import("./github-artifacts-YSJ3XUKO.js");
  return new GithubArtifactStore({ token: opts.githubToken, repository: opts.ci.repository, baseBranch: opts.ci.baseBranch });
}

// src/pyroscope/settings.ts
function resolvePyroscopeSettings(flags, ctx) {
  const env = ctx.env ?? process.env;
  const rawServer = flags.server ?? env.CIPROF_PYROSCOPE_URL;
  if (!rawServer) throw new Error("no Pyroscope server: pass --server <url> or set CIPROF_PYROSCOPE_URL");
  const { server, auth } = splitServerUrl(rawServer, resolveAuth(flags, env));
  const protocol = (flags.protocol ?? "push").toLowerCase();
  if (protocol !== "push" && protocol !== "ingest") throw new Error(`--protocol must be push or ingest, got "${flags.protocol}"`);
  const keep = flags.labels === void 0 ? DEFAULT_KEPT_SAMPLE_LABELS : flags.labels.split(",").map((s) => s.trim()).filter((s) => s && s !== "none" && s !== "pid" && s !== "thread");
  let deadlineMs = DEFAULT_RETRY.deadlineMs;
  if (flags.pyroscopeTimeout !== void 0) {
    const s = Number(flags.pyroscopeTimeout);
    if (!Number.isFinite(s) || s <= 0) throw new Error(`--pyroscope-timeout must be a positive number of seconds, got "${flags.pyroscopeTimeout}"`);
    deadlineMs = s * 1e3;
  }
  return {
    server,
    app: flags.app ? sanitizeAppName(flags.app) : defaultAppName(ctx.repository, ctx.repoRoot),
    protocol,
    auth,
    userLabels: parseUserLabels(flags.label ?? [], ctx.warn),
    keepSampleLabels: keep,
    retry: { ...DEFAULT_RETRY, deadlineMs, attemptTimeoutMs: Math.min(DEFAULT_RETRY.attemptTimeoutMs, deadlineMs) }
  };
}
function resolvePyroscopeStoreOptions(flags, ctx) {
  const s = resolvePyroscopeSettings(flags, ctx);
  return { server: s.server, app: s.app, auth: s.auth, windowMs: parseWindow(flags.window ?? "30d"), retry: s.retry };
}

// src/cli/io.ts
function warn(line) {
  process.stderr.write(`ciprof: warning: ${line}
`);
}
function fail(line, code = 1) {
  process.stderr.write(`ciprof: error: ${line}
`);
  process.exit(code);
}
var EXIT_USAGE = 2;
function parsePositiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive whole number, got "${value}"`, EXIT_USAGE);
  return n;
}

// src/cli/load.ts
function loadProfileOrFail(file) {
  try {
    return readProfileFile(file);
  } catch (err) {
    fail(err instanceof ProfileInputError ? err.message : `${file}: ${err.message}`);
  }
}

// src/cli/pyroscope-flags.ts
var collect = (value, previous = []) => [...previous, value];
function addPyroscopeConnectionOptions(cmd) {
  return cmd.option("--server <url>", "Pyroscope server URL (env CIPROF_PYROSCOPE_URL)").option("--app <name>", "application (service_name) in Pyroscope (default: the repository name)").option("--basic-auth <user:pass>", "HTTP basic auth (env CIPROF_PYROSCOPE_BASIC_AUTH)").option("--token <token>", "bearer token (env CIPROF_PYROSCOPE_TOKEN)").option("--tenant <id>", "X-Scope-OrgID tenant (env CIPROF_PYROSCOPE_TENANT)").option("--pyroscope-timeout <seconds>", "give up on Pyroscope after this long, retries included", "60");
}
function addPyroscopeUploadOptions(cmd) {
  return addPyroscopeConnectionOptions(cmd).addOption(new Option("--protocol <protocol>", "ingestion API").choices(["push", "ingest"]).default("push")).option("--label <k=v>", "extra series label (repeatable)", collect).option("--labels <names>", "pprof sample labels kept in the upload, comma-separated, or none (pid/thread are always dropped)", "test_file");
}

// src/cli/upload.ts
async function uploadWithOutcome(profile, settings, file) {
  try {
    const result = await uploadProfile(profile, { ...settings, onRetry: () => void 0 });
    return { ok: true, result };
  } catch (err) {
    const transient = err instanceof PyroscopeError ? err.transient : true;
    const msg = err.message;
    return {
      ok: false,
      transient,
      message: transient ? `Pyroscope upload failed, profile kept in ${file}: ${msg}` : `Pyroscope rejected the upload: ${msg}`
    };
  }
}
function withContextMeta(profile, cwd) {
  const git2 = localGitFacts(cwd);
  const ci = detectCi(process.env, { git: git2 });
  profile.meta = { ...contextMeta(ci), ...profile.meta };
  return { profile, repository: profile.meta.repository ?? ci.repository, repoRoot: git2.root };
}
function describe(r, settings) {
  const commit = r.labels.find((l) => l.name === "commit")?.value;
  return `uploaded to ${settings.server} (${r.protocol}, app ${settings.app}${commit ? `, commit ${commit.slice(0, 12)}` : ""}, ${r.bytes} bytes)`;
}
function registerUpload(program2) {
  const cmd = program2.command("upload").description("send a profile to Grafana Pyroscope (push API or legacy /ingest)").argument("[file]", "profile to upload", ".ciprof/profile.pb.gz").option("--json", "print the result as JSON on stdout").option("--strict", "exit 1 when the upload fails (default: warn and exit 0, like run --upload)");
  addPyroscopeUploadOptions(cmd).action(async (file, flags) => {
    const loaded = withContextMeta(loadProfileOrFail(file), process.cwd());
    let settings;
    try {
      settings = resolvePyroscopeSettings(flags, { repository: loaded.repository, repoRoot: loaded.repoRoot, warn });
    } catch (err) {
      fail(err.message, EXIT_USAGE);
    }
    const outcome = await uploadWithOutcome(loaded.profile, settings, file);
    if (outcome.ok) {
      process.stderr.write(`ciprof: ${describe(outcome.result, settings)}
`);
      if (flags.json) process.stdout.write(`${JSON.stringify({ server: settings.server, app: settings.app, ...outcome.result }, null, 2)}
`);
      return;
    }
    if (outcome.transient && !flags.strict) {
      warn(outcome.message);
      return;
    }
    fail(outcome.message);
  });
}
async function uploadAfterRun(file, settings) {
  let profile;
  try {
    profile = readProfileFile(file);
  } catch (err) {
    warn(`Pyroscope upload skipped: ${err.message}`);
    return;
  }
  const outcome = await uploadWithOutcome(profile, settings, file);
  if (outcome.ok) process.stderr.write(`ciprof: ${describe(outcome.result, settings)}
`);
  else if (outcome.transient) warn(outcome.message);
  else process.stderr.write(`ciprof: error: ${outcome.message}
`);
}

export {
  Command,
  localGitFacts,
  detectCi,
  DIFF_REPORT_SCHEMA,
  serializeDiffReport,
  readDiffReport,
  warn,
  fail,
  EXIT_USAGE,
  parsePositiveInt,
  LocalGitHistory,
  DEFAULT_MAX_WALK,
  wantedCommit,
  setupAttribution,
  encodePprofGzip,
  addCpuProfile,
  ProfileInputError,
  readAndParseProfile,
  readProfileFile,
  formatSummaryText,
  profileCommand,
  mergeProfiles,
  appendProfiles,
  scaleProfile,
  diffRuns,
  changedPaths,
  significantTestChanges,
  diffStage,
  sanitizeLabelValue,
  sanitizeAppName,
  defaultAppName,
  labelSelector,
  CPU_TIME_TYPE,
  defaultStoreDir,
  openStore,
  addPyroscopeConnectionOptions,
  addPyroscopeUploadOptions,
  resolvePyroscopeSettings,
  resolvePyroscopeStoreOptions,
  loadProfileOrFail,
  registerUpload,
  uploadAfterRun
};
